package dev.firebreak.web;

import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.alert.Silences;
import dev.firebreak.escalation.Escalations;
import dev.firebreak.incident.IncidentAlert;
import dev.firebreak.incident.IncidentDetails;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notify.Notifications;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookDocument;
import dev.firebreak.runbook.RunbookLibrary;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The incidents list (live through {@code /events/incidents}) and an incident's page with its actions. */
@Controller
class IncidentPages {
    private static final java.util.Map<String, Duration> SILENCE_FOR =
            java.util.Map.of("1h", Duration.ofHours(1), "4h", Duration.ofHours(4), "24h", Duration.ofHours(24));

    private final Incidents incidents;
    private final RunbookLibrary library;
    private final Silences silences;
    private final RecentChanges recentChanges;
    private final Escalations escalations;
    private final Notifications notifications;
    private final RunbookPanel panel;
    private final dev.firebreak.execution.Checklists checklists;
    private final dev.firebreak.postmortem.Postmortems postmortems;
    private final dev.firebreak.platform.security.UserAccounts accounts;
    private final dev.firebreak.oncall.Teams teams;

    IncidentPages(
            Incidents incidents,
            RunbookLibrary library,
            Silences silences,
            RecentChanges recentChanges,
            Escalations escalations,
            Notifications notifications,
            RunbookPanel panel,
            dev.firebreak.execution.Checklists checklists,
            dev.firebreak.postmortem.Postmortems postmortems,
            dev.firebreak.platform.security.UserAccounts accounts,
            dev.firebreak.oncall.Teams teams) {
        this.panel = panel;
        this.postmortems = postmortems;
        this.accounts = accounts;
        this.teams = teams;
        this.checklists = checklists;
        this.escalations = escalations;
        this.notifications = notifications;
        this.incidents = incidents;
        this.library = library;
        this.silences = silences;
        this.recentChanges = recentChanges;
    }

    @GetMapping("/incidents")
    String list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String team,
            @RequestParam(defaultValue = "false") boolean mine,
            Principal user,
            Model model) {
        model.addAttribute("activeNav", "incidents");
        model.addAttribute("teams", teams.list().stream().map(t -> t.name()).toList());
        model.addAttribute(
                "levels",
                IncidentQueue.levels(
                        incidents.list(new IncidentQuery(null, null, null, 500)), incidents.builtInLevels()));
        rows(state, severity, level, q, service, sort, team, mine, user, model);
        return "incidents";
    }

    /** The list's rows, filtered and sorted as the form in the URL says (the live list fetches these). */
    @GetMapping("/incidents/rows")
    String rows(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String team,
            @RequestParam(defaultValue = "false") boolean mine,
            Principal user,
            Model model) {
        String filter = state == null ? "open" : state;
        java.util.Set<String> teamServices = null;
        if (team != null && !team.isBlank()) {
            // An unknown team shows nothing rather than everything.
            teamServices = teams.list().stream()
                    .filter(t -> t.name().equals(team))
                    .findFirst()
                    .map(t -> java.util.Set.copyOf(t.services()))
                    .orElse(java.util.Set.of());
        }
        model.addAttribute("team", team);
        model.addAttribute("state", filter);
        model.addAttribute("severity", severity);
        model.addAttribute("level", level);
        model.addAttribute("q", q);
        model.addAttribute("service", service);
        model.addAttribute("sort", IncidentQueue.Sort.of(sort).id());
        model.addAttribute("mine", mine);
        model.addAttribute("now", incidents.now());
        List<dev.firebreak.incident.Incident> list = IncidentQueue.arrange(
                incidents.list(new IncidentQuery(filter, severity, level, q, 200, null)),
                mine ? user.getName() : null,
                service,
                teamServices,
                IncidentQueue.Sort.of(sort));
        model.addAttribute("incidents", list);
        model.addAttribute("services", IncidentQueue.services(list));
        model.addAttribute("progress", checklists.progress(list));
        return "incidents :: rows";
    }

    /** Acknowledges or resolves the ticked incidents; the page asked first. */
    @PostMapping("/incidents/bulk")
    String bulk(
            @RequestParam(name = "id", required = false) List<Long> ids,
            @RequestParam String action,
            @RequestParam(required = false) String back,
            Principal user,
            RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("error", "Tick the incidents first.");
        } else if (!action.equals("acknowledge") && !action.equals("resolve")) {
            redirect.addFlashAttribute("error", "Bulk actions are acknowledge and resolve.");
        } else {
            int done = 0;
            List<String> refused = new java.util.ArrayList<>();
            for (long id : ids.stream().distinct().limit(200).toList()) {
                try {
                    if (action.equals("acknowledge")) {
                        incidents.acknowledge(id, user.getName());
                    } else {
                        incidents.resolve(id, user.getName());
                    }
                    done++;
                } catch (FirebreakException e) {
                    refused.add("#" + id + ": " + e.getMessage());
                }
            }
            redirect.addFlashAttribute(
                    "message",
                    (action.equals("acknowledge") ? "Acknowledged " : "Resolved ") + done + " of " + ids.size() + ".");
            if (!refused.isEmpty()) {
                redirect.addFlashAttribute("error", String.join("; ", refused));
            }
        }
        // Back to the same filters; only a path of this list, never another site.
        return "redirect:"
                + (back != null && back.startsWith("/incidents") && !back.startsWith("//") ? back : "/incidents");
    }

    @GetMapping("/incidents/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) String triage,
            Model model) {
        IncidentDetails details = incidents.details(id);
        model.addAttribute("activeNav", "incidents");
        model.addAttribute("d", details);
        model.addAttribute("i", details.incident());
        model.addAttribute("roles", IncidentRole.values());
        RunbookDocument runbook = null;
        if (details.incident().runbookSlug() != null) {
            try {
                runbook = library.get(details.incident().runbookSlug());
            } catch (FirebreakException.NotFound e) {
                // deleted since it was attached: the panel says so
            }
        }
        model.addAttribute("runbook", runbook);
        panel.fill(model, details, runbook, procedure, triage);
        model.addAttribute("runbooks", library.list());
        model.addAttribute("recentChanges", recentChanges.of(details));
        var escalation = escalations.status(id).orElse(null);
        model.addAttribute("escalation", escalation);
        // Who was paged, each once, in the order they were: the first screen's "who is on it".
        model.addAttribute(
                "paged",
                escalation == null
                        ? List.of()
                        : escalation.pages().stream()
                                .map(dev.firebreak.escalation.Page::username)
                                .filter(java.util.Objects::nonNull)
                                .distinct()
                                .toList());
        model.addAttribute("messages", notifications.forIncident(id));
        model.addAttribute("postmortem", postmortems.forIncident(id).orElse(null));
        model.addAttribute("timeline", IncidentView.timeline(details));
        // A role is given to a person picked from the list, not a username typed from memory.
        model.addAttribute(
                "people",
                accounts.list().stream()
                        .filter(u -> u.enabled())
                        .map(u -> u.username())
                        .sorted()
                        .toList());
        model.addAttribute("alertTable", IncidentView.alerts(details.alerts()));
        return "incident";
    }

    @PostMapping("/incidents/{id}/acknowledge")
    String acknowledge(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        return act(id, redirect, "Acknowledged.", () -> incidents.acknowledge(id, user.getName()));
    }

    /** Resolves; with {@code silence} (1h, 4h, 24h) its still-firing alerts are silenced first, so it stays resolved. */
    @PostMapping("/incidents/{id}/resolve")
    String resolve(
            @PathVariable long id,
            @RequestParam(required = false) String silence,
            Principal user,
            RedirectAttributes redirect) {
        if (silence == null || silence.isBlank()) {
            return act(id, redirect, "Resolved.", () -> incidents.resolve(id, user.getName()));
        }
        return act(id, redirect, "Resolved, its firing alerts silenced for " + silence + ".", () -> {
            silenceFiring(id, silence, user.getName());
            return incidents.resolve(id, user.getName());
        });
    }

    @PostMapping("/incidents/{id}/escalate")
    String escalate(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Principal user,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "Escalated: the next step is paged now.",
                () -> incidents.escalate(id, user.getName(), reason));
    }

    @PostMapping("/incidents/{id}/notes")
    String note(@PathVariable long id, @RequestParam String text, Principal user, RedirectAttributes redirect) {
        return act(id, redirect, "Note added.", () -> incidents.note(id, user.getName(), text));
    }

    @PostMapping("/incidents/{id}/severity")
    String severity(@PathVariable long id, @RequestParam String severity, Principal user, RedirectAttributes redirect) {
        return act(id, redirect, "Severity changed.", () -> incidents.changeSeverity(id, user.getName(), severity));
    }

    @PostMapping("/incidents/{id}/roles")
    String role(
            @PathVariable long id,
            @RequestParam String role,
            @RequestParam String username,
            Principal user,
            RedirectAttributes redirect) {
        return act(id, redirect, "Role assigned.", () -> incidents.assignRole(id, user.getName(), role, username));
    }

    @PostMapping("/incidents/{id}/runbook")
    String runbook(@PathVariable long id, @RequestParam String slug, Principal user, RedirectAttributes redirect) {
        return act(id, redirect, "Runbook attached.", () -> incidents.attachRunbook(id, user.getName(), slug));
    }

    /** Silences the incident's firing alerts (exactly their labels) and says so on the timeline. */
    @PostMapping("/incidents/{id}/silence")
    String silence(
            @PathVariable long id,
            @RequestParam(defaultValue = "1h") String duration,
            Principal user,
            RedirectAttributes redirect) {
        return act(id, redirect, "Alerts silenced.", () -> silenceFiring(id, duration, user.getName()));
    }

    /** Runs an action; its refusal (409, 400) shows on the incident page rather than an error page. */
    private dev.firebreak.incident.Incident silenceFiring(long id, String duration, String actor) {
        Duration length = SILENCE_FOR.get(duration);
        if (length == null) {
            throw new FirebreakException.BadInput("duration", "duration must be 1h, 4h or 24h");
        }
        List<Long> ids = new ArrayList<>();
        for (IncidentAlert alert : incidents.details(id).alerts()) {
            if (alert.status() == AlertStatus.FIRING) {
                ids.add(silences.create(
                                AlertMatcher.exactly(alert.labels()),
                                null,
                                incidents.now().plus(length),
                                actor,
                                "silenced from incident #" + id)
                        .id());
            }
        }
        if (ids.isEmpty()) {
            throw new FirebreakException.Conflict("no firing alerts to silence");
        }
        return incidents.note(
                id,
                actor,
                "silenced " + ids.size() + " alert(s) for " + duration + " (silence "
                        + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
    }

    private static String act(long id, RedirectAttributes redirect, String done, Supplier<?> action) {
        return Flash.thenOr404(redirect, "/incidents/" + id, Flash.done(done, action::get));
    }
}
