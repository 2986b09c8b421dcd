package dev.firebreak.api;

import dev.firebreak.oncall.Restriction;
import dev.firebreak.oncall.RotationLength;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.ScheduleLayer;
import dev.firebreak.oncall.Schedules;
import dev.firebreak.platform.FirebreakException.BadInput;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A schedule's JSON, in and out: {@code rotation} is {@code {"kind":"daily"}}, {@code weekly} or
 * {@code {"kind":"hours","hours":12}}; restrictions are {@code {"days":["MON"],"from":"09:00","to":"17:00"}}.
 * A layer without a priority ranks by its place: the first layer is the highest.
 */
record ScheduleJson(String name, String description, String team, String zone, List<Layer> layers) {
    record Layer(
            String name,
            Integer priority,
            String start,
            Rotation rotation,
            List<String> members,
            List<RestrictionJson> restrictions) {}

    record Rotation(String kind, Integer hours) {}

    record RestrictionJson(List<String> days, String from, String to) {}

    static ScheduleJson of(Schedule s) {
        return new ScheduleJson(
                s.name(),
                s.description(),
                s.team(),
                s.zone().getId(),
                s.layers().stream()
                        .map(l -> new Layer(
                                l.name(),
                                l.priority(),
                                l.start().toString(),
                                new Rotation(
                                        l.length().kind().name().toLowerCase(Locale.ROOT),
                                        l.length().hours()),
                                l.members(),
                                l.restrictions().stream()
                                        .map(r -> new RestrictionJson(
                                                r.days().stream()
                                                        .sorted()
                                                        .map(d -> d.name().substring(0, 3))
                                                        .toList(),
                                                r.from().toString(),
                                                r.to().toString()))
                                        .toList()))
                        .toList());
    }

    /** The schedule this JSON describes; {@code pathName} fills a missing name. */
    Schedule toSchedule(String pathName) {
        String scheduleName = name == null || name.isBlank() ? pathName : name.strip();
        List<ScheduleLayer> parsed = new ArrayList<>();
        List<Layer> given = layers == null ? List.of() : layers;
        for (int i = 0; i < given.size(); i++) {
            Layer l = given.get(i);
            String at = "layers[" + i + "]";
            if (l == null) {
                throw new BadInput(at, at + " is empty");
            }
            parsed.add(new ScheduleLayer(
                    l.name() == null ? null : l.name().strip(),
                    l.priority() == null ? given.size() - i : l.priority(),
                    l.members() == null ? List.of() : l.members(),
                    start(at + ".start", l.start()),
                    rotation(at + ".rotation", l.rotation()),
                    restrictions(at + ".restrictions", l.restrictions())));
        }
        String teamName = team == null || team.isBlank() ? null : team.strip();
        return new Schedule(scheduleName, description, teamName, Schedules.zone("zone", zone), parsed);
    }

    private static LocalDateTime start(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new BadInput(field, field + " is required: a local date-time such as 2026-01-05T09:00");
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput(field, field + " is not a local date-time such as 2026-01-05T09:00: '" + text + "'");
        }
    }

    private static RotationLength rotation(String field, Rotation r) {
        if (r == null || r.kind() == null) {
            throw new BadInput(
                    field, field + " is required: {\"kind\":\"daily\"}, weekly, or {\"kind\":\"hours\",\"hours\":12}");
        }
        return switch (r.kind().strip().toLowerCase(Locale.ROOT)) {
            case "daily" -> RotationLength.daily();
            case "weekly" -> RotationLength.weekly();
            case "hours", "custom" -> {
                if (r.hours() == null) {
                    throw new BadInput(
                            field,
                            field + ": an hours rotation needs \"hours\" (1.." + Schedules.MAX_ROTATION_HOURS + ")");
                }
                yield RotationLength.hours(r.hours());
            }
            default ->
                throw new BadInput(field, field + ".kind must be daily, weekly or hours, not '" + r.kind() + "'");
        };
    }

    private static List<Restriction> restrictions(String field, List<RestrictionJson> given) {
        List<Restriction> result = new ArrayList<>();
        for (RestrictionJson r : given == null ? List.<RestrictionJson>of() : given) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : r.days() == null ? List.<String>of() : r.days()) {
                days.add(day(field, d));
            }
            if (days.isEmpty()) {
                throw new BadInput(field, field + ": a restriction needs at least one day");
            }
            result.add(new Restriction(days, time(field, r.from()), time(field, r.to())));
        }
        return result;
    }

    static DayOfWeek day(String field, String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(DayOfWeek.values())
                .filter(d -> t.length() >= 2 && d.name().startsWith(t))
                .findFirst()
                .orElseThrow(() -> new BadInput(field, field + ": not a day of the week: '" + text + "' (MON..SUN)"));
    }

    private static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput(field, field + ": from and to are times of day such as 09:00, not '" + text + "'");
        }
    }
}
