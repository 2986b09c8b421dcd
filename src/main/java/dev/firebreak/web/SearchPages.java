package dev.firebreak.web;

import dev.firebreak.alert.AlertFilter;
import dev.firebreak.alert.Alerts;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.runbook.RunbookSearch;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The top bar's search: incidents, alerts and runbooks for the same words, on one page. */
@Controller
class SearchPages {
    private static final int EACH = 20;
    private final Incidents incidents;
    private final Alerts alerts;
    private final RunbookSearch runbooks;

    SearchPages(Incidents incidents, Alerts alerts, RunbookSearch runbooks) {
        this.incidents = incidents;
        this.alerts = alerts;
        this.runbooks = runbooks;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, Model model) {
        String text = q == null ? "" : q.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        model.addAttribute("q", text);
        boolean any = !text.isEmpty();
        model.addAttribute("incidents", any ? incidents.list(new IncidentQuery("all", null, text, EACH)) : List.of());
        model.addAttribute(
                "alerts", any ? alerts.list(new AlertFilter(null, text, null, EACH, null, null)) : List.of());
        model.addAttribute(
                "runbooks",
                any
                        ? runbooks.search(text, EACH).stream()
                                .map(h -> new Hit(h.slug(), h.title(), Snippets.plain(h.snippet())))
                                .toList()
                        : List.of());
        return "search";
    }

    /** A runbook found, its snippet as plain text. */
    record Hit(String slug, String title, String snippet) {}
}
