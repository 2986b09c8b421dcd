package dev.firebreak.api;

import dev.firebreak.alert.AlertIntake;
import dev.firebreak.alert.IntakeException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * PagerDuty Events API v2 at PagerDuty's own paths, so clients work by changing only the host:
 * 202 {@code {"status":"success","message":"Event processed","dedup_key":...}} (change events:
 * {@code "Change event processed"}, dedup_key null), 400 {@code {"status":"invalid event",
 * "message":"Event object is invalid","errors":[...]}}.
 */
@RestController
class PagerDutyController {
    private final AlertIntake intake;

    PagerDutyController(AlertIntake intake) {
        this.intake = intake;
    }

    @PostMapping(
            path = "/v2/enqueue",
            consumes = {AlertIntakeController.JSON, AlertIntakeController.ANY_JSON},
            produces = AlertIntakeController.JSON)
    ResponseEntity<Map<String, Object>> enqueue(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Routing-Key", required = false) String routingKey) {
        String dedupKey = intake.pagerDuty(body, routingKey);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("message", "Event processed");
        answer.put("dedup_key", dedupKey);
        return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @PostMapping(
            path = "/v2/change/enqueue",
            consumes = {AlertIntakeController.JSON, AlertIntakeController.ANY_JSON},
            produces = AlertIntakeController.JSON)
    ResponseEntity<Map<String, Object>> change(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Routing-Key", required = false) String routingKey) {
        intake.pagerDutyChange(body, routingKey);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("message", "Change event processed");
        // Change events have no dedup key; PagerDuty's clients read only status and message.
        answer.put("dedup_key", null);
        return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @ExceptionHandler(IntakeException.class)
    ResponseEntity<?> refused(IntakeException e, HttpServletRequest request) {
        if (e.status() != HttpStatus.BAD_REQUEST) {
            return AlertIntakeController.problem(e, request);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "invalid event");
        answer.put("message", e.getMessage());
        answer.put("errors", e.errors());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer);
    }
}
