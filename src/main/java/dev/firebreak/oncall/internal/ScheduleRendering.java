package dev.firebreak.oncall.internal;

import dev.firebreak.oncall.OnCallShift;
import dev.firebreak.oncall.RenderedSchedule;
import dev.firebreak.oncall.ScheduleDefinition;
import dev.firebreak.oncall.ScheduleLayer;
import dev.firebreak.oncall.ScheduleOverride;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a schedule: layer rotations, restricted and stacked by priority, then overrides. */
public final class ScheduleRendering {
    public static final String OVERRIDE_SOURCE = "override";

    private ScheduleRendering() {}

    public static RenderedSchedule render(ScheduleDefinition definition, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
        String schedule = definition.name();
        List<ScheduleLayer> layers = new ArrayList<>(orEmpty(definition.layers()));
        // Highest priority first; equal priorities keep their order in the definition.
        layers.sort(Comparator.comparingInt(ScheduleLayer::priority).reversed());
        Map<String, List<OnCallShift>> byLayer = new LinkedHashMap<>();
        List<List<OnCallShift>> timelines = new ArrayList<>();
        for (ScheduleLayer layer : layers) {
            List<OnCallShift> shifts = LayerRotation.shifts(schedule, layer, definition.zone(), from, to);
            timelines.add(shifts);
            byLayer.computeIfAbsent(layer.name(), n -> new ArrayList<>()).addAll(shifts);
        }
        byLayer.replaceAll((name, shifts) ->
                shifts.stream().sorted(Comparator.comparing(OnCallShift::start)).toList());
        List<OnCallShift> stacked = Stacking.topmost(schedule, timelines);
        List<OnCallShift> finalShifts = applyOverrides(schedule, stacked, orEmpty(definition.overrides()), from, to);
        return new RenderedSchedule(schedule, Collections.unmodifiableMap(byLayer), List.copyOf(finalShifts));
    }

    /**
     * Overrides lie over the stacked timeline, later ones over earlier ones. {@code replaces} is
     * matched against the stacked timeline, not against other overrides, so the two halves of a swap
     * over the same span ("you take my Monday, I take your Tuesday") do not undo each other.
     */
    private static List<OnCallShift> applyOverrides(
            String schedule, List<OnCallShift> stacked, List<ScheduleOverride> overrides, Instant from, Instant to) {
        if (overrides.isEmpty()) {
            return stacked;
        }
        List<List<OnCallShift>> timelines = new ArrayList<>();
        for (ScheduleOverride o : overrides.reversed()) {
            Span span = new Span(o.start(), o.end()).clip(from, to);
            List<OnCallShift> pieces = new ArrayList<>();
            if (!span.isEmpty()) {
                for (Span piece : o.replaces() == null ? List.of(span) : spansOf(o.replaces(), stacked, span)) {
                    pieces.add(new OnCallShift(schedule, o.username(), piece.start(), piece.end(), OVERRIDE_SOURCE));
                }
            }
            timelines.add(pieces);
        }
        timelines.add(stacked);
        return Stacking.topmost(schedule, timelines);
    }

    /** Where {@code username} is on call within {@code span}. */
    private static List<Span> spansOf(String username, List<OnCallShift> timeline, Span span) {
        List<Span> out = new ArrayList<>();
        for (OnCallShift s : timeline) {
            if (s.username().equals(username)) {
                Span piece = new Span(s.start(), s.end()).clip(span.start(), span.end());
                if (!piece.isEmpty()) {
                    out.add(piece);
                }
            }
        }
        return out;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
