package dev.firebreak.api;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentDetails;
import dev.firebreak.incident.IncidentPage;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.FirebreakException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Incidents: {@code /api/v1/incidents}. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {
    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    /** An incident as the API shows it, with whether its response target is met. */
    record Text(String text) {}

    record SeverityBody(String severity) {}

    record RoleBody(String role, String username) {}

    record RunbookBody(String slug) {}

    record EscalateBody(String reason) {}

    /** A page, newest first; the {@code Link} header's next page and {@code X-Total-Count} as {@link ListPages}. */
    @GetMapping
    ResponseEntity<List<Incident>> list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) Long before) {
        if (level != null && (level < 1 || level > 20)) {
            throw new dev.firebreak.platform.FirebreakException.BadInput(
                    "level", "level is a severity on the common scale, 1 (most severe) to 20");
        }
        IncidentPage page = incidents.page(new IncidentQuery(state, severity, level, q, limit, before));
        return ListPages.of(page.items(), page.next(), page.total());
    }

    @GetMapping("/{id}")
    IncidentDetails get(@PathVariable long id) {
        return incidents.details(id);
    }

    @PostMapping("/{id}/acknowledge")
    Incident acknowledge(@PathVariable long id, Principal principal) {
        return incidents.acknowledge(id, principal.getName());
    }

    @PostMapping("/{id}/resolve")
    Incident resolve(@PathVariable long id, Principal principal) {
        return incidents.resolve(id, principal.getName());
    }

    @PostMapping("/{id}/escalate")
    Incident escalate(@PathVariable long id, @RequestBody(required = false) EscalateBody body, Principal principal) {
        return incidents.escalate(id, principal.getName(), body == null ? null : body.reason());
    }

    @PostMapping("/{id}/notes")
    Incident note(@PathVariable long id, @RequestBody(required = false) Text body, Principal principal) {
        return incidents.note(id, principal.getName(), body == null ? null : body.text());
    }

    @PutMapping("/{id}/severity")
    Incident severity(@PathVariable long id, @RequestBody(required = false) SeverityBody body, Principal principal) {
        return incidents.changeSeverity(id, principal.getName(), body == null ? null : body.severity());
    }

    @PutMapping("/{id}/roles")
    Incident role(@PathVariable long id, @RequestBody(required = false) RoleBody body, Principal principal) {
        if (body == null) {
            throw new FirebreakException.BadInput("role", "the body needs role and username");
        }
        return incidents.assignRole(id, principal.getName(), body.role(), body.username());
    }

    @PutMapping("/{id}/runbook")
    Incident runbook(@PathVariable long id, @RequestBody(required = false) RunbookBody body, Principal principal) {
        return incidents.attachRunbook(id, principal.getName(), body == null ? null : body.slug());
    }
}
