package dev.firebreak.web;

import dev.firebreak.oncall.OnCallShift;
import dev.firebreak.oncall.RenderedSchedule;
import dev.firebreak.oncall.ScheduleRenderer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rendered schedule laid out as a grid for the page: weeks of days in the schedule's zone, a row
 * per layer and one for the final timeline, each shift a bar placed by its share of the day.
 */
record ScheduleCalendar(List<Week> weeks) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT);

    record Bar(String username, double left, double width, boolean override, String title, int hue) {}

    record Row(String label, boolean result, List<List<Bar>> days) {}

    record Week(List<LocalDate> days, List<Row> rows) {}

    static ScheduleCalendar of(RenderedSchedule rendered, ZoneId zone, LocalDate first, int weeks) {
        List<Week> result = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            List<LocalDate> days = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                days.add(first.plusDays(7L * w + d));
            }
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, List<OnCallShift>> layer : rendered.layers().entrySet()) {
                rows.add(new Row(layer.getKey(), false, bars(layer.getValue(), days, zone)));
            }
            rows.add(new Row("Final", true, bars(rendered.finalShifts(), days, zone)));
            result.add(new Week(days, rows));
        }
        return new ScheduleCalendar(result);
    }

    private static List<List<Bar>> bars(List<OnCallShift> shifts, List<LocalDate> days, ZoneId zone) {
        List<List<Bar>> perDay = new ArrayList<>();
        for (LocalDate day : days) {
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            double length = Duration.between(dayStart, dayEnd).toSeconds();
            List<Bar> bars = new ArrayList<>();
            for (OnCallShift s : shifts) {
                Instant from = s.start().isAfter(dayStart) ? s.start() : dayStart;
                Instant to = s.end().isBefore(dayEnd) ? s.end() : dayEnd;
                if (to.isAfter(from)) {
                    bars.add(new Bar(
                            s.username(),
                            100 * Duration.between(dayStart, from).toSeconds() / length,
                            100 * Duration.between(from, to).toSeconds() / length,
                            ScheduleRenderer.OVERRIDE.equals(s.source()),
                            s.username() + ": " + TIME.format(s.start().atZone(zone)) + " to "
                                    + TIME.format(s.end().atZone(zone)) + " (" + s.source() + ")",
                            Math.floorMod(s.username().hashCode(), 360)));
                }
            }
            perDay.add(bars);
        }
        return perDay;
    }
}
