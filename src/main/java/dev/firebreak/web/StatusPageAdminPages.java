package dev.firebreak.web;

import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.statuspage.PageView;
import dev.firebreak.statuspage.PublicIncident;
import dev.firebreak.statuspage.PublicIncidents;
import dev.firebreak.statuspage.StatusPage;
import dev.firebreak.statuspage.StatusPages;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The responders' side of status pages ({@code /status-page}): the pages, their open public
 * incidents with a form to post an update (prefilled from the runbook's template when asked), a
 * new public incident, maintenance, and a hint when the internal incident behind one was resolved.
 */
@Controller
class StatusPageAdminPages {
    private final StatusPages pages;
    private final PublicIncidents incidents;
    private final Incidents internal;

    StatusPageAdminPages(StatusPages pages, PublicIncidents incidents, Incidents internal) {
        this.pages = pages;
        this.incidents = incidents;
        this.internal = internal;
    }

    /** A public incident and whether the internal incident it speaks for is resolved already. */
    record Row(PublicIncident incident, String status, boolean internalResolved) {}

    record PageRows(StatusPage page, PageView view, List<Row> open) {}

    @GetMapping("/status-page")
    String index(
            @RequestParam(required = false) Long draftIncident,
            @RequestParam(defaultValue = "update") String draftKind,
            Model model) {
        List<PageRows> rows = new ArrayList<>();
        for (StatusPage page : pages.list()) {
            PageView view = pages.view(page.slug());
            List<Row> open = view.incidents().stream()
                    .filter(i -> !i.statusAt(view.now()).finished())
                    .map(i -> new Row(i, i.statusAt(view.now()).value(), resolved(i.incidentId())))
                    .toList();
            rows.add(new PageRows(page, view, open));
        }
        model.addAttribute("activeNav", "statuspage");
        model.addAttribute("pages", rows);
        if (draftIncident != null) {
            try {
                model.addAttribute(
                        "draft", incidents.draft(draftIncident, draftKind).orElse(""));
                model.addAttribute("draftIncident", draftIncident);
            } catch (FirebreakException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "status-page";
    }

    @PostMapping("/status-page/pages")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
    String create(
            @RequestParam String slug,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String components,
            RedirectAttributes redirect) {
        // One component a line, "Group / Name" for a grouped one.
        List<StatusPages.NewComponent> list = components
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> {
                    String[] parts = line.split("\\s*/\\s*", 2);
                    return parts.length == 2
                            ? new StatusPages.NewComponent(parts[1], null, parts[0], null)
                            : new StatusPages.NewComponent(parts[0], null, null, null);
                })
                .toList();
        return act(redirect, "Status page created.", () -> pages.create(slug, name, null, null, list));
    }

    @PostMapping("/status-page/{slug}/incidents")
    String open(
            @PathVariable String slug,
            @RequestParam String name,
            @RequestParam(defaultValue = "minor") String impact,
            @RequestParam(defaultValue = "investigating") String status,
            @RequestParam String body,
            @RequestParam(required = false) Long incidentId,
            @RequestParam(required = false) String[] components,
            Principal principal,
            RedirectAttributes redirect) {
        List<PublicIncidents.ComponentChange> changes = components == null
                ? List.of()
                : Arrays.stream(components)
                        .map(c -> new PublicIncidents.ComponentChange(c, null))
                        .toList();
        return act(
                redirect,
                "Public incident posted.",
                () -> incidents.open(
                        slug,
                        new PublicIncidents.NewPublicIncident(name, impact, status, body, incidentId, changes),
                        principal.getName()));
    }

    @PostMapping("/status-page/{slug}/incidents/{id}/updates")
    String update(
            @PathVariable String slug,
            @PathVariable String id,
            @RequestParam String status,
            @RequestParam String body,
            Principal principal,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "Update posted.",
                () -> incidents.update(
                        slug, id, new PublicIncidents.NewUpdate(status, body, null, null), principal.getName()));
    }

    /** from and until as the page's local time ({@code 2026-12-03T22:00}). */
    @PostMapping("/status-page/{slug}/maintenances")
    String maintenance(
            @PathVariable String slug,
            @RequestParam String name,
            @RequestParam String body,
            @RequestParam String from,
            @RequestParam String until,
            @RequestParam(required = false) String[] components,
            Principal principal,
            RedirectAttributes redirect) {
        return act(redirect, "Maintenance scheduled.", () -> {
            ZoneId zone = ZoneId.of(pages.page(slug).timeZone());
            return incidents.scheduleMaintenance(
                    slug,
                    new PublicIncidents.NewMaintenance(
                            name,
                            body,
                            local("from", from, zone),
                            local("until", until, zone),
                            components == null ? List.of() : List.of(components)),
                    principal.getName());
        });
    }

    private static Instant local(String field, String value, ZoneId zone) {
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new FirebreakException.BadInput(field, field + " is a date and time such as 2026-12-03T22:00");
        }
    }

    private boolean resolved(Long incidentId) {
        if (incidentId == null) {
            return false;
        }
        try {
            return internal.get(incidentId).state() == IncidentState.RESOLVED;
        } catch (FirebreakException gone) {
            return false;
        }
    }

    private static String act(RedirectAttributes redirect, String done, java.util.function.Supplier<?> action) {
        return Flash.then(redirect, "/status-page", Flash.done(done, action::get));
    }
}
