package dev.firebreak.api;

import dev.firebreak.escalation.EscalationFinding;
import dev.firebreak.escalation.RunbookEscalation;
import dev.firebreak.escalation.RunbookPolicy;
import dev.firebreak.escalation.RunbookRole;
import dev.firebreak.escalation.RunbookSync;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Policies from runbooks' escalation matrices: create one on request (admins), its sync audit, the
 * roles runbooks name and the findings to act on.
 */
@RestController
class RunbookEscalationController {
    private final RunbookEscalation escalation;

    RunbookEscalationController(RunbookEscalation escalation) {
        this.escalation = escalation;
    }

    /** 201 when the policy was created, 200 when updated, re-attached or already following the runbook. */
    @PostMapping("/api/v1/escalation-policies/from-runbook/{slug}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<RunbookPolicy> fromRunbook(@PathVariable String slug, Principal principal) {
        RunbookPolicy result = escalation.createFromRunbook(slug, principal.getName());
        return ResponseEntity.status(result.change() == RunbookSync.Kind.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result);
    }

    @GetMapping("/api/v1/escalation-policies/{name}/sync-history")
    List<RunbookSync> history(@PathVariable String name) {
        return escalation.history(name);
    }

    @GetMapping("/api/v1/escalation/findings")
    List<EscalationFinding> findings() {
        return escalation.findings();
    }

    @GetMapping("/api/v1/escalation/runbook-roles")
    List<RunbookRole> roles() {
        return escalation.knownRoles();
    }
}
