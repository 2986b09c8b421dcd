package dev.firebreak.oncall.internal.schedule;

import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.oncall.Restriction;
import dev.firebreak.oncall.RotationLength;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.ScheduleLayer;
import dev.firebreak.platform.FirebreakException.BadInput;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a schedule, an override or a window valid; each failure names its field and the reason. */
public final class ScheduleRules {
    public static final int MAX_HOURS = 8760;
    public static final Duration MAX_WINDOW = Duration.ofDays(400);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");

    private ScheduleRules() {}

    /** An IANA zone; a wrong case or a near miss gets the right spelling as a hint. */
    public static ZoneId zone(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new BadInput(field, "a time zone is required: an IANA name such as Europe/Berlin");
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            String hint = ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.equalsIgnoreCase(text.strip())
                            || id.toLowerCase(Locale.ROOT)
                                    .endsWith("/" + text.strip().toLowerCase(Locale.ROOT)))
                    .sorted()
                    .findFirst()
                    .map(id -> "did you mean " + id + "?")
                    .orElse("use an IANA name such as Europe/Berlin or America/New_York");
            throw new BadInput(field, "unknown time zone '" + text.strip() + "': " + hint);
        }
    }

    public static void window(Instant from, Instant to) {
        if (from == null) {
            throw new BadInput("from", "from is required");
        }
        if (to == null) {
            throw new BadInput("to", "to is required");
        }
        if (!to.isAfter(from)) {
            throw new BadInput("to", "to must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new BadInput("to", "the window is longer than " + MAX_WINDOW.toDays() + " days");
        }
    }

    public static void schedule(Schedule schedule, PeopleDirectory people) {
        if (schedule.name() == null || !NAME.matcher(schedule.name()).matches()) {
            throw new BadInput(
                    "name",
                    "a schedule's name is 1-100 letters, digits, spaces or . _ - and starts with a letter or digit");
        }
        if (schedule.description() != null && schedule.description().length() > 2000) {
            throw new BadInput("description", "description is longer than 2000 characters");
        }
        if (schedule.zone() == null) {
            throw new BadInput("zone", "a time zone is required: an IANA name such as Europe/Berlin");
        }
        if (schedule.team() != null && !people.teamExists(schedule.team())) {
            throw new BadInput("team", "no team '" + schedule.team() + "'");
        }
        Set<String> names = new HashSet<>();
        Set<Integer> priorities = new HashSet<>();
        List<ScheduleLayer> layers = schedule.layers();
        for (int i = 0; i < layers.size(); i++) {
            ScheduleLayer layer = layers.get(i);
            String at = "layers[" + i + "]";
            if (layer.name() == null || layer.name().isBlank() || layer.name().length() > 200) {
                throw new BadInput(at + ".name", "every layer needs a name of at most 200 characters");
            }
            String label = "layer '" + layer.name() + "'";
            if (!names.add(layer.name())) {
                throw new BadInput(at + ".name", "two layers are named '" + layer.name() + "'");
            }
            if (!priorities.add(layer.priority())) {
                throw new BadInput(
                        at + ".priority",
                        "two layers have priority " + layer.priority() + ": which one wins is unclear");
            }
            if (layer.start() == null) {
                throw new BadInput(
                        at + ".start", label + " needs a start (a local date-time such as 2026-01-05T09:00)");
            }
            rotation(at + ".rotation", label, layer.length());
            if (layer.members() == null || layer.members().isEmpty()) {
                throw new BadInput(at + ".members", label + " has no members: a rotation needs at least one person");
            }
            for (String member : layer.members()) {
                if (member == null || !people.userExists(member)) {
                    throw new BadInput(at + ".members", label + ": no user '" + member + "'");
                }
            }
            for (Restriction r : layer.restrictions() == null ? List.<Restriction>of() : layer.restrictions()) {
                if (r.days() == null || r.days().isEmpty()) {
                    throw new BadInput(at + ".restrictions", label + ": a restriction needs at least one day");
                }
                if (r.from() == null || r.to() == null) {
                    throw new BadInput(at + ".restrictions", label + ": a restriction needs from and to (HH:mm)");
                }
            }
        }
    }

    private static void rotation(String field, String label, RotationLength length) {
        if (length == null || length.kind() == null) {
            throw new BadInput(field, label + " needs a rotation: daily, weekly or hours");
        }
        int expected =
                switch (length.kind()) {
                    case DAILY -> 24;
                    case WEEKLY -> 168;
                    case HOURS -> length.hours();
                };
        if (length.hours() < 1 || length.hours() > MAX_HOURS) {
            throw new BadInput(
                    field, label + ": a custom rotation is 1.." + MAX_HOURS + " hours, not " + length.hours());
        }
        if (length.hours() != expected) {
            throw new BadInput(
                    field,
                    label + ": a " + length.kind().name().toLowerCase(Locale.ROOT) + " rotation is " + expected
                            + " hours");
        }
    }
}
