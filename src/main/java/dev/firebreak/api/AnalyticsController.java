package dev.firebreak.api;

import dev.firebreak.analytics.Analytics;
import dev.firebreak.analytics.AnalyticsCsv;
import dev.firebreak.analytics.AnalyticsReport;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Analytics: {@code /api/v1/analytics}, the numbers of the analytics page as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {
    private final Analytics analytics;

    AnalyticsController(Analytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping
    AnalyticsReport report(
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String team) {
        return analytics.report(analytics.filter(since, until, service, severity, team));
    }

    /** The same report as CSV, formula-looking cells defused. */
    @GetMapping(value = "/csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String team) {
        AnalyticsReport report = analytics.report(analytics.filter(since, until, service, severity, team));
        return csvResponse(report);
    }

    static ResponseEntity<byte[]> csvResponse(AnalyticsReport report) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"firebreak-analytics.csv\"")
                .body(AnalyticsCsv.of(report).getBytes(StandardCharsets.UTF_8));
    }
}
