package dev.firebreak.analytics;

import dev.firebreak.alert.NoisyAlert;
import dev.firebreak.incident.CycleBucket;
import dev.firebreak.incident.SlowCycle;
import dev.firebreak.notify.PageLoad;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as CSV (RFC 4180): one block per table, a blank line between. A cell a spreadsheet would
 * run as a formula (= + - @ tab CR first) gets a leading apostrophe, so an alert name cannot.
 */
public final class AnalyticsCsv {
    private static final List<String> NUMBERS = List.of(
            "cycles",
            "incidents",
            "per_week",
            "acknowledged",
            "mtta_seconds",
            "median_tta_seconds",
            "resolved",
            "mttr_seconds",
            "median_ttr_seconds",
            "detected",
            "mttd_seconds",
            "within_response_target",
            "within_resolution_time",
            "repeat_rate");

    private AnalyticsCsv() {}

    public static String of(AnalyticsReport report) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("table", "key"));
        header.addAll(NUMBERS);
        line(out, header);
        numbers(out, "summary", "all", report.summary());
        rows(out, "service", report.services());
        rows(out, "severity", report.severities());
        rows(out, "team", report.teams());
        rows(out, "runbook", report.runbooks());
        out.append("\r\n");
        line(out, List.of("trend_start", "cycles", "mtta_seconds", "mttr_seconds"));
        for (CycleBucket b : report.trend()) {
            line(out, List.of(b.start().toString(), s(b.cycles()), s(b.mttaSeconds()), s(b.mttrSeconds())));
        }
        out.append("\r\n");
        line(out, List.of("person", "pages", "out_of_hours", "incidents"));
        for (PageLoad p : report.pagesPerPerson()) {
            line(out, List.of(p.username(), s(p.pages()), s(p.outOfHours()), s(p.incidents())));
        }
        out.append("\r\n");
        line(out, List.of("alert", "fingerprint", "firings", "receives", "last_fired_at"));
        for (NoisyAlert a : report.noisiestAlerts()) {
            line(out, List.of(a.name(), a.fingerprint(), s(a.firings()), s(a.receives()), s(a.lastFiredAt())));
        }
        out.append("\r\n");
        line(out, List.of("slowest_incident", "cycle", "title", "service", "severity", "opened_at", "ttr_seconds"));
        for (SlowCycle c : report.slowest()) {
            line(
                    out,
                    List.of(
                            s(c.incidentId()),
                            s(c.cycle()),
                            c.title(),
                            s(c.service()),
                            c.severity(),
                            c.openedAt().toString(),
                            s(c.ttrSeconds())));
        }
        return out.toString();
    }

    /** One cell: formula-looking text defused with an apostrophe, then quoted where CSV needs it. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean isNumber(String text) {
        // Our own negative numbers stay numbers; any text that only starts like one is defused.
        return text.matches("-[0-9]+(\\.[0-9]+)?");
    }

    private static void rows(StringBuilder out, String table, List<AnalyticsRow> rows) {
        for (AnalyticsRow row : rows) {
            numbers(out, table, row.key() == null ? "(none)" : row.key(), row.numbers());
        }
    }

    private static void numbers(StringBuilder out, String table, String key, AnalyticsNumbers n) {
        line(
                out,
                List.of(
                        table,
                        key,
                        s(n.cycles()),
                        s(n.incidents()),
                        s(n.perWeek()),
                        s(n.acknowledged()),
                        s(n.mttaSeconds()),
                        s(n.medianTtaSeconds()),
                        s(n.resolved()),
                        s(n.mttrSeconds()),
                        s(n.medianTtrSeconds()),
                        s(n.detected()),
                        s(n.mttdSeconds()),
                        s(n.withinTargetShare()),
                        s(n.withinResolutionShare()),
                        s(n.repeatRate())));
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells.stream().map(AnalyticsCsv::cell).toList()))
                .append("\r\n");
    }

    private static String s(Object value) {
        return value == null ? "" : value.toString();
    }
}
