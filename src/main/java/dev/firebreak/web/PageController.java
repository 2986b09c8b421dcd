package dev.firebreak.web;

import dev.firebreak.alert.AlertFilter;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.alert.Alerts;
import dev.firebreak.escalation.Escalations;
import dev.firebreak.incident.Incidents;
import dev.firebreak.oncall.ScheduleWarning;
import dev.firebreak.oncall.Schedules;
import dev.firebreak.runbook.RunbookLibrary;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page, the dashboard and the features whose pages are still empty states. */
@Controller
class PageController {
    private final RunbookLibrary library;
    private final Incidents incidents;
    private final Alerts alerts;
    private final Escalations escalations;

    private final Schedules schedules;
    private final Clock clock;
    private final dev.firebreak.postmortem.ActionItems actionItems;

    PageController(
            RunbookLibrary library,
            Incidents incidents,
            Alerts alerts,
            Escalations escalations,
            Schedules schedules,
            Clock clock,
            dev.firebreak.postmortem.ActionItems actionItems) {
        this.actionItems = actionItems;
        this.escalations = escalations;
        this.library = library;
        this.incidents = incidents;
        this.alerts = alerts;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** {@code ?throttled=N} comes from the login throttle; only a number is shown back. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        if (throttled != null && throttled.matches("[0-9]{1,6}")) {
            model.addAttribute("throttledSeconds", Long.parseLong(throttled));
        }
        return "login";
    }

    @GetMapping("/")
    String dashboard(Model model, Principal principal) {
        model.addAttribute("activeNav", "dashboard");
        model.addAttribute("openIncidents", incidents.countOpen());
        model.addAttribute(
                "firingAlerts",
                String.valueOf(alerts.page(new AlertFilter(AlertStatus.FIRING, null, null, 1, null))
                        .total()));
        model.addAttribute("runbookCount", library.list().size());
        model.addAttribute("overdueEscalations", escalations.overdue());
        model.addAttribute("overdueItems", actionItems.list(null, null, true, 10));
        Instant now = clock.instant();
        List<String> onCall = schedules.who(null, now).stream()
                .flatMap(w -> w.onCall().stream())
                .map(s -> s.username() + " (" + s.schedule() + ")")
                .toList();
        model.addAttribute("onCall", onCall.isEmpty() ? null : String.join(", ", onCall));
        model.addAttribute("myShifts", schedules.shiftsOf(principal.getName(), now, now.plus(Duration.ofDays(14))));
        // People a page would not reach, once each, before it matters.
        model.addAttribute(
                "unreachable",
                schedules.warnings().stream()
                        .filter(w -> w.kind() == ScheduleWarning.Kind.NO_CONTACT_METHOD
                                || w.kind() == ScheduleWarning.Kind.NO_WORKING_CONTACT_METHOD)
                        .collect(java.util.stream.Collectors.toMap(
                                ScheduleWarning::username, w -> w, (a, b) -> a, java.util.LinkedHashMap::new))
                        .values()
                        .stream()
                        .toList());
        return "dashboard";
    }

    /** The settings index: links to each area that can be configured. */
    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("activeNav", "settings");
        return "settings";
    }
}
