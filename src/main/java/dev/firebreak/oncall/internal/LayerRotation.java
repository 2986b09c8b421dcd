package dev.firebreak.oncall.internal;

import dev.firebreak.oncall.OnCallShift;
import dev.firebreak.oncall.ScheduleLayer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** One layer's own shifts over a window: wall-clock handoffs, then clipped to its restrictions. */
final class LayerRotation {
    private LayerRotation() {}

    static List<OnCallShift> shifts(String schedule, ScheduleLayer layer, ZoneId zone, Instant from, Instant to) {
        List<OnCallShift> rotation = rotation(schedule, layer, zone, from, to);
        if (layer.restrictions() == null || layer.restrictions().isEmpty() || rotation.isEmpty()) {
            return rotation;
        }
        return restrict(rotation, RestrictionWindows.windows(layer.restrictions(), zone, from, to));
    }

    /**
     * Handoff {@code k}: the wall-clock time {@code start + k * hours} in the zone, so daily handoffs
     * stay at the same time of day across DST; in a gap it moves forward by the gap.
     */
    static Instant handoff(ScheduleLayer layer, ZoneId zone, long k) {
        LocalDateTime wall = layer.start().plusHours(k * layer.length().hours());
        return ZonedDateTime.ofLocal(wall, zone, null).toInstant();
    }

    private static List<OnCallShift> rotation(
            String schedule, ScheduleLayer layer, ZoneId zone, Instant from, Instant to) {
        List<String> members = layer.members();
        int hours = layer.length().hours();
        if (hours <= 0) {
            throw new IllegalArgumentException("layer " + layer.name() + ": a rotation is at least an hour long");
        }
        List<OnCallShift> out = new ArrayList<>();
        if (members == null || members.isEmpty()) {
            return out;
        }
        long k = firstHandoff(layer, zone, from);
        Instant start = handoff(layer, zone, k);
        while (start.isBefore(to)) {
            Instant end = handoff(layer, zone, k + 1);
            // A gap longer than the rotation could put a handoff before the previous one; never overlap.
            if (end.isAfter(start)) {
                Span span = new Span(start, end).clip(from, to);
                if (!span.isEmpty()) {
                    String member = members.get((int) Math.floorMod(k, (long) members.size()));
                    out.add(new OnCallShift(schedule, member, span.start(), span.end(), layer.name()));
                }
                start = end;
            }
            k++;
        }
        return out;
    }

    /** The last handoff at or before {@code from} (0 when the layer starts later), found arithmetically. */
    private static long firstHandoff(ScheduleLayer layer, ZoneId zone, Instant from) {
        long wallMinutes = ChronoUnit.MINUTES.between(layer.start(), LocalDateTime.ofInstant(from, zone));
        long k = Math.max(0, wallMinutes / (layer.length().hours() * 60L) - 1);
        while (k > 0 && handoff(layer, zone, k).isAfter(from)) {
            k--;
        }
        while (!handoff(layer, zone, k + 1).isAfter(from)) {
            k++;
        }
        return k;
    }

    /** Shifts cut to the windows; a shift spanning several windows splits into one piece per window. */
    private static List<OnCallShift> restrict(List<OnCallShift> shifts, List<Span> windows) {
        List<OnCallShift> out = new ArrayList<>();
        int w = 0;
        for (OnCallShift shift : shifts) {
            while (w < windows.size() && !windows.get(w).end().isAfter(shift.start())) {
                w++;
            }
            for (int i = w; i < windows.size() && windows.get(i).start().isBefore(shift.end()); i++) {
                Span piece = windows.get(i).clip(shift.start(), shift.end());
                if (!piece.isEmpty()) {
                    out.add(new OnCallShift(
                            shift.schedule(), shift.username(), piece.start(), piece.end(), shift.source()));
                }
            }
        }
        return out;
    }
}
