package dev.firebreak.oncall.internal.schedule;

import dev.firebreak.oncall.OnCallShift;
import dev.firebreak.platform.FirebreakException.BadInput;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** iCalendar in and out with ical4j: shifts as VEVENTs in UTC, and VEVENTs read back as times and people. */
public final class IcsCalendars {
    private IcsCalendars() {}

    /** One event read from an imported calendar; {@code line} is where its BEGIN:VEVENT is. */
    public record Event(
            int line, String summary, List<String> attendees, String organizer, Instant start, Instant end) {
        public String label() {
            return "event at line " + line + (summary == null ? "" : " (" + summary + ")");
        }
    }

    /** Shifts as a calendar; the UID is stable per shift (schedule, person, start), so apps update in place. */
    public static String write(String name, List<OnCallShift> shifts, Function<OnCallShift, String> summary) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Firebreak//On-call//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        for (OnCallShift shift : shifts) {
            VEvent event = new VEvent(shift.start(), shift.end(), summary.apply(shift));
            event.add(new Uid(uid(shift)));
            event.add(new Description("Schedule " + shift.schedule() + ", " + shift.source()));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static String uid(OnCallShift shift) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((shift.schedule() + "\n" + shift.username() + "\n" + shift.start())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + "@firebreak";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The calendar's events; floating and all-day times are read in {@code zone}. */
    public static List<Event> read(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new BadInput("body", "the body is empty: send an iCalendar (.ics) file");
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            throw new BadInput("body", "not an iCalendar file: line " + e.getLineNo() + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new BadInput("body", "not an iCalendar file: " + e.getMessage());
        }
        List<Integer> lines = eventLines(text);
        List<Event> events = new ArrayList<>();
        List<VEvent> vevents = calendar.getComponentList().getComponents(Component.VEVENT);
        for (int i = 0; i < vevents.size(); i++) {
            VEvent v = vevents.get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            String summary = value(v, Property.SUMMARY);
            String where = "event at line " + line + (summary == null ? "" : " (" + summary + ")");
            Temporal start = v.getStartDate().map(d -> (Temporal) d.getDate()).orElse(null);
            if (start == null) {
                throw new BadInput("body", where + ": no DTSTART");
            }
            Temporal end;
            try {
                end = v.getEndDate(true).map(d -> (Temporal) d.getDate()).orElse(null);
            } catch (RuntimeException e) {
                end = null;
            }
            Instant from = instant(start, zone);
            Instant to = end != null
                    ? instant(end, zone)
                    : start instanceof LocalDate d ? instant(d.plusDays(1), zone) : null;
            if (to == null) {
                throw new BadInput("body", where + ": no DTEND or DURATION");
            }
            List<String> attendees = v.getPropertyList().getProperties(Property.ATTENDEE).stream()
                    .map(Property::getValue)
                    .toList();
            events.add(new Event(line, summary, attendees, value(v, Property.ORGANIZER), from, to));
        }
        if (events.isEmpty()) {
            throw new BadInput("body", "the calendar has no VEVENT");
        }
        return events;
    }

    private static String value(VEvent v, String property) {
        Optional<Property> p = v.getPropertyList().getProperty(property);
        return p.map(Property::getValue)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse(null);
    }

    private static Instant instant(Temporal t, ZoneId zone) {
        return switch (t) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case ZonedDateTime z -> z.toInstant();
            case LocalDateTime l -> l.atZone(zone).toInstant();
            case LocalDate d -> d.atStartOfDay(zone).toInstant();
            default -> Instant.from(t);
        };
    }

    private static List<Integer> eventLines(String text) {
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\r?\n", -1);
        for (int i = 0; i < all.length; i++) {
            if (all[i].strip().equalsIgnoreCase("BEGIN:VEVENT")) {
                lines.add(i + 1);
            }
        }
        return lines;
    }
}
