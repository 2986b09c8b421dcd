package dev.firebreak.web;

import dev.firebreak.analytics.Analytics;
import dev.firebreak.analytics.AnalyticsCsv;
import dev.firebreak.analytics.AnalyticsFilter;
import dev.firebreak.analytics.AnalyticsReport;
import dev.firebreak.analytics.AnalyticsRow;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The analytics page: filters, tiles, Chart.js charts (from the jar) with drill-down, CSV export. */
@Controller
class AnalyticsPages {
    private final Analytics analytics;
    private final JsonMapper json;

    AnalyticsPages(Analytics analytics, JsonMapper json) {
        this.analytics = analytics;
        this.json = json;
    }

    @GetMapping("/analytics")
    String page(
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String team,
            Model model) {
        AnalyticsFilter filter = analytics.filter(since, until, service, severity, team);
        AnalyticsReport report = analytics.report(filter);
        model.addAttribute("activeNav", "analytics");
        model.addAttribute("time", new TimeText());
        model.addAttribute("report", report);
        model.addAttribute("since", since == null || since.isBlank() ? "30d" : since.strip());
        model.addAttribute("until", until == null ? "" : until.strip());
        model.addAttribute("serviceNames", analytics.serviceNames());
        model.addAttribute("teamNames", analytics.teamNames());
        model.addAttribute("severities", analytics.knownSeverities());
        model.addAttribute("csvLink", csvLink(filter, until));
        model.addAttribute("charts", json.writeValueAsString(charts(report)));
        return "analytics";
    }

    @GetMapping("/analytics/export.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String team) {
        AnalyticsReport report = analytics.report(analytics.filter(since, until, service, severity, team));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"firebreak-analytics.csv\"")
                .body(AnalyticsCsv.of(report).getBytes(StandardCharsets.UTF_8));
    }

    private static String csvLink(AnalyticsFilter filter, String until) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/analytics/export.csv");
        if (filter.since() != null) {
            link.queryParam("since", filter.since());
        }
        if (until != null && !until.isBlank()) {
            link.queryParam("until", until.strip());
        }
        if (filter.service() != null) {
            link.queryParam("service", filter.service());
        }
        if (filter.severity() != null) {
            link.queryParam("severity", filter.severity());
        }
        if (filter.team() != null) {
            link.queryParam("team", filter.team());
        }
        return link.encode().build().toUriString();
    }

    /** What the page's script draws: labels, values and each bar's drill-down link. */
    private static Map<String, Object> charts(AnalyticsReport report) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("bucketSeconds", report.bucketSeconds());
        charts.put(
                "trend",
                Map.of(
                        "labels",
                                report.trend().stream()
                                        .map(b -> b.start().toString())
                                        .toList(),
                        "cycles", report.trend().stream().map(b -> b.cycles()).toList(),
                        "mttr",
                                report.trend().stream()
                                        .map(b -> b.mttrSeconds())
                                        .toList(),
                        "mtta",
                                report.trend().stream()
                                        .map(b -> b.mttaSeconds())
                                        .toList()));
        charts.put("services", bars(report.services()));
        charts.put("severities", bars(report.severities()));
        charts.put("teams", bars(report.teams()));
        charts.put(
                "pages",
                Map.of(
                        "labels",
                                report.pagesPerPerson().stream()
                                        .map(p -> p.username())
                                        .toList(),
                        "inHours",
                                report.pagesPerPerson().stream()
                                        .map(p -> p.pages() - p.outOfHours())
                                        .toList(),
                        "outOfHours",
                                report.pagesPerPerson().stream()
                                        .map(p -> p.outOfHours())
                                        .toList()));
        return charts;
    }

    private static Map<String, List<?>> bars(List<AnalyticsRow> rows) {
        return Map.of(
                "labels",
                        rows.stream()
                                .map(r -> r.key() == null ? "(none)" : r.key())
                                .toList(),
                "cycles", rows.stream().map(r -> r.numbers().cycles()).toList(),
                "links",
                        rows.stream().map(r -> r.link() == null ? "" : r.link()).toList());
    }
}
