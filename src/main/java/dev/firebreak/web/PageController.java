package dev.firebreak.web;

import dev.firebreak.runbook.RunbookLibrary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, the dashboard and the features whose pages are still empty states. */
@Controller
class PageController {
    private final RunbookLibrary library;

    PageController(RunbookLibrary library) {
        this.library = library;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("activeNav", "dashboard");
        model.addAttribute("openIncidents", 0);
        model.addAttribute("firingAlerts", 0);
        model.addAttribute("runbookCount", library.list().size());
        return "dashboard";
    }

    @GetMapping("/incidents")
    String incidents(Model model) {
        return feature(
                model,
                "incidents",
                "Incidents",
                "No incidents",
                "Incidents open here when alerts arrive from Alertmanager, Prometheus or PagerDuty-compatible senders.");
    }

    @GetMapping("/alerts")
    String alerts(Model model) {
        return feature(
                model,
                "alerts",
                "Alerts",
                "No alerts",
                "Alerts received through integrations appear here, deduplicated and grouped.");
    }

    @GetMapping("/oncall")
    String onCall(Model model) {
        return feature(
                model,
                "oncall",
                "On-call",
                "No schedules",
                "On-call schedules and escalation policies imported from your runbooks' escalation matrices.");
    }

    @GetMapping("/analytics")
    String analytics(Model model) {
        return feature(
                model,
                "analytics",
                "Analytics",
                "No data yet",
                "MTTA, MTTR, incident frequency and repeat rate, once incidents have been resolved.");
    }

    @GetMapping("/status-page")
    String statusPage(Model model) {
        return feature(
                model,
                "statuspage",
                "Status page",
                "No components",
                "A public status page for your services, updated from incidents.");
    }

    /** The settings index: links to each area that can be configured. */
    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("activeNav", "settings");
        return "settings";
    }

    static String feature(Model model, String nav, String heading, String emptyTitle, String emptyText) {
        model.addAttribute("activeNav", nav);
        model.addAttribute("heading", heading);
        model.addAttribute("emptyTitle", emptyTitle);
        model.addAttribute("emptyText", emptyText);
        return "feature";
    }
}
