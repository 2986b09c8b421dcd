package dev.firebreak.oncall.internal;

import dev.firebreak.oncall.Restriction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** The instants in which a restricted layer may be on call, as windows over a render window. */
final class RestrictionWindows {
    private RestrictionWindows() {}

    /**
     * The union of the restrictions' windows overlapping {@code [from, to)}, clipped to it. A window
     * belongs to the day it starts on; an overnight one ({@code to <= from}) ends the next day.
     */
    static List<Span> windows(List<Restriction> restrictions, ZoneId zone, Instant from, Instant to) {
        // Start a day early: a window opened yesterday evening (nights, all day) may still be open.
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(to, zone);
        List<Span> spans = new ArrayList<>();
        for (Restriction r : restrictions) {
            if (r.days() == null || r.days().isEmpty()) {
                continue;
            }
            boolean overnight = !r.to().isAfter(r.from());
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (!r.days().contains(d.getDayOfWeek())) {
                    continue;
                }
                Span window =
                        new Span(instant(d, r.from(), zone), instant(overnight ? d.plusDays(1) : d, r.to(), zone));
                Span clipped = window.clip(from, to);
                if (!clipped.isEmpty()) {
                    spans.add(clipped);
                }
            }
        }
        return Span.union(spans);
    }

    /** A wall-clock time as an instant: in a gap it moves forward by the gap, in an overlap it is the earlier. */
    static Instant instant(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.ofLocal(day.atTime(time), zone, null).toInstant();
    }
}
