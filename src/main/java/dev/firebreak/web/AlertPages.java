package dev.firebreak.web;

import dev.firebreak.alert.AlertFilter;
import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.alert.Alerts;
import dev.firebreak.platform.FirebreakException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The alerts list with status, text and label filters, live through {@code /events/incidents}. */
@Controller
class AlertPages {
    private final Alerts alerts;

    AlertPages(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String matcher,
            Model model) {
        model.addAttribute("activeNav", "alerts");
        rows(status, q, matcher, model);
        return "alerts";
    }

    @GetMapping("/alerts/rows")
    String rows(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String matcher,
            Model model) {
        String filter = status == null ? "firing" : status.toLowerCase(Locale.ROOT);
        model.addAttribute("status", filter);
        model.addAttribute("q", q);
        model.addAttribute("matcher", matcher);
        List<AlertMatcher> matchers = List.of();
        if (matcher != null && !matcher.isBlank()) {
            try {
                matchers = List.of(AlertMatcher.fromRequest("matcher", matcher.strip()));
            } catch (FirebreakException.BadInput e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        AlertStatus wanted =
                switch (filter) {
                    case "firing" -> AlertStatus.FIRING;
                    case "resolved" -> AlertStatus.RESOLVED;
                    default -> null;
                };
        model.addAttribute("alerts", alerts.list(new AlertFilter(wanted, q, matchers, 200, null)));
        return "alerts :: rows";
    }
}
