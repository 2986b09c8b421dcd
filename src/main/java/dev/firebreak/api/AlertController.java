package dev.firebreak.api;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertFilter;
import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.AlertPage;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.alert.Alerts;
import dev.firebreak.platform.FirebreakException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Received alerts, read-only: {@code /api/v1/alerts}. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {
    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    /** A page, newest first; the {@code Link} header's next page and {@code X-Total-Count} as {@link ListPages}. */
    @GetMapping
    ResponseEntity<List<Alert>> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> matcher,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) Long before) {
        AlertStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = AlertStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FirebreakException.BadInput("status", "status must be firing or resolved");
            }
        }
        if (limit < 1 || limit > AlertFilter.MAX_LIMIT) {
            throw new FirebreakException.BadInput("limit", "limit must be between 1 and " + AlertFilter.MAX_LIMIT);
        }
        List<AlertMatcher> matchers = matcher == null
                ? List.of()
                : matcher.stream()
                        .map(m -> AlertMatcher.fromRequest("matcher", m))
                        .toList();
        if (before != null && before < 1) {
            throw new FirebreakException.BadInput("before", "before is the cursor of a next link: an alert id");
        }
        AlertPage page = alerts.page(new AlertFilter(wanted, q, matchers, limit, null, before));
        return ListPages.of(page.items(), page.next(), page.total());
    }

    @GetMapping("/{id}")
    Alert get(@PathVariable long id) {
        return alerts.find(id).orElseThrow(() -> new FirebreakException.NotFound("no alert " + id));
    }
}
