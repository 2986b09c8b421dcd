package dev.firebreak.api;

import dev.firebreak.alert.AlertIntake;
import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.AlertState;
import dev.firebreak.alert.AlertmanagerView;
import dev.firebreak.alert.IntakeException;
import dev.firebreak.platform.FirebreakException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's {@code GET /api/v2/alerts} and {@code /api/v2/alerts/groups} for amtool, Grafana
 * and Prometheus: a user's API token, or a Prometheus integration's key, may read them.
 */
@RestController
class AlertmanagerAlertsController {
    private final AlertIntake intake;
    private final AlertmanagerView view;

    AlertmanagerAlertsController(AlertIntake intake, AlertmanagerView view) {
        this.intake = intake;
        this.view = view;
    }

    /** Alertmanager's query parameters: which states to include, label matchers, a receiver regex. */
    record Query(
            Boolean active,
            Boolean silenced,
            Boolean inhibited,
            Boolean unprocessed,
            List<String> filter,
            String receiver) {}

    @GetMapping(path = "/api/v2/alerts", produces = AlertIntakeController.JSON)
    List<Map<String, Object>> alerts(
            Principal principal,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            Query query) {
        return select(principal, authorization, query).stream()
                .map(AlertmanagerJson::alert)
                .toList();
    }

    @GetMapping(path = "/api/v2/alerts/groups", produces = AlertIntakeController.JSON)
    List<Map<String, Object>> groups(
            Principal principal,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            Query query) {
        Pattern receiver = receiver(query.receiver());
        return view.groups(select(principal, authorization, query)).stream()
                .filter(g -> receiver == null || receiver.matcher(g.receiver()).matches())
                .map(AlertmanagerJson::group)
                .toList();
    }

    private List<AlertState> select(Principal principal, String authorization, Query query) {
        if (principal == null) {
            // Prometheus and older setups read with the integration key they send alerts with.
            intake.reader(IntakeAnswers.key(authorization));
        }
        List<AlertMatcher> matchers = AlertmanagerJson.filter(query.filter());
        Pattern receiver = receiver(query.receiver());
        return view.current().stream()
                .filter(s -> AlertMatcher.all(matchers, s.alert().labels()))
                .filter(s -> receiver == null
                        || s.receivers().stream()
                                .anyMatch(r -> receiver.matcher(r).matches()))
                .filter(s -> wanted(query.active(), s.state() == AlertState.State.ACTIVE))
                .filter(s -> wanted(query.silenced(), s.silenced()))
                .filter(s -> wanted(query.inhibited(), s.inhibited()))
                .filter(s -> wanted(query.unprocessed(), s.state() == AlertState.State.UNPROCESSED))
                .toList();
    }

    /** Each flag defaults to true; false leaves out the alerts that have the property. */
    private static boolean wanted(Boolean include, boolean has) {
        return include == null || include || !has;
    }

    private static Pattern receiver(String regex) {
        if (regex == null || regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile("^(?:" + regex + ")$");
        } catch (PatternSyntaxException e) {
            throw new FirebreakException.BadInput("receiver", "bad receiver regex: " + e.getDescription());
        }
    }

    @ExceptionHandler(IntakeException.class)
    ResponseEntity<ProblemDetail> refused(IntakeException e, HttpServletRequest request) {
        return AlertIntakeController.problem(e, request);
    }
}
