package dev.firebreak.api;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertIntake;
import dev.firebreak.alert.IntakeException;
import dev.firebreak.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert intake from Prometheus (Alertmanager API v2), Alertmanager's webhook and generic JSON
 * webhooks. Senders authenticate with integration keys, not user tokens; a 2xx means committed.
 */
@RestController
class AlertIntakeController {
    static final String JSON = "application/json";
    static final String ANY_JSON = "application/*+json";

    private final AlertIntake intake;

    AlertIntakeController(AlertIntake intake) {
        this.intake = intake;
    }

    // POST /api/v2/alerts is answered by PrometheusIntakeFilter, before Spring Security and MVC.

    /** The firing alerts in Alertmanager's v2 gettableAlerts shape. */
    @GetMapping(path = "/api/v2/alerts", produces = JSON)
    List<Map<String, Object>> current(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "filter", required = false) List<String> filter) {
        return intake.current(IntakeAnswers.key(authorization), filter).stream()
                .map(AlertIntakeController::gettable)
                .toList();
    }

    @PostMapping(
            path = "/api/v1/integrations/{key}/alertmanager",
            consumes = {JSON, ANY_JSON})
    ResponseEntity<Void> alertmanager(@PathVariable String key, @RequestBody(required = false) byte[] body) {
        intake.alertmanager(key, body);
        return ResponseEntity.ok().build();
    }

    @PostMapping(
            path = "/api/v1/integrations/{key}/generic",
            consumes = {JSON, ANY_JSON})
    ResponseEntity<Void> generic(@PathVariable String key, @RequestBody(required = false) byte[] body) {
        intake.generic(key, body);
        return ResponseEntity.accepted().build();
    }

    @ExceptionHandler(IntakeException.class)
    ResponseEntity<ProblemDetail> refused(IntakeException e, HttpServletRequest request) {
        return problem(e, request);
    }

    /** problem+json with Retry-After on 429 and 503 and WWW-Authenticate on 401. */
    static ResponseEntity<ProblemDetail> problem(IntakeException e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        IntakeAnswers.refusalHeaders(e).forEach((name, value) -> response.header(name, value));
        return response.body(ProblemWriter.problem(e, request.getRequestURI()));
    }

    private static Map<String, Object> gettable(Alert alert) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("labels", alert.labels());
        out.put("annotations", alert.annotations());
        out.put("startsAt", alert.startsAt().toString());
        out.put(
                "endsAt",
                alert.endsAt() == null ? "0001-01-01T00:00:00Z" : alert.endsAt().toString());
        out.put("updatedAt", alert.lastReceivedAt().toString());
        out.put("generatorURL", alert.generatorUrl() == null ? "" : alert.generatorUrl());
        out.put("fingerprint", alert.fingerprint());
        out.put("receivers", List.of(Map.of("name", "firebreak")));
        out.put("status", Map.of("state", "active", "silencedBy", List.of(), "inhibitedBy", List.of()));
        return out;
    }
}
