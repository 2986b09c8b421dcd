package dev.firebreak.api;

import dev.firebreak.alert.AlertIntake;
import dev.firebreak.alert.IntakeException;
import dev.firebreak.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    // POST /api/v2/alerts is answered by PrometheusIntakeFilter, before Spring Security and MVC;
    // GET by AlertmanagerAlertsController.

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
}
