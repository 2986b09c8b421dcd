package dev.firebreak.api;

import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.EscalationStatus;
import dev.firebreak.escalation.Escalations;
import dev.firebreak.escalation.Page;
import dev.firebreak.escalation.PolicyDeletion;
import dev.firebreak.escalation.RoleMapping;
import dev.firebreak.escalation.RoleMappings;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.FirebreakException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Escalation policies ({@code /api/v1/escalation-policies}), role mappings
 * ({@code /api/v1/escalation-roles}) and an incident's escalation and pages. Writes are admin's.
 */
@RestController
class EscalationController {
    private final EscalationPolicies policies;
    private final RoleMappings roles;
    private final Escalations escalations;
    private final Incidents incidents;

    EscalationController(
            EscalationPolicies policies, RoleMappings roles, Escalations escalations, Incidents incidents) {
        this.policies = policies;
        this.roles = roles;
        this.escalations = escalations;
        this.incidents = incidents;
    }

    record Role(String role, PolicyJson.Target target) {}

    @GetMapping("/api/v1/escalation-policies")
    List<PolicyJson.Policy> list() {
        return policies.list().stream().map(PolicyJson::of).toList();
    }

    @GetMapping("/api/v1/escalation-policies/{name}")
    PolicyJson.Policy get(@PathVariable String name) {
        return PolicyJson.of(policies.get(name));
    }

    /** Creates a policy; 409 when the name is taken (PUT replaces). */
    @PostMapping("/api/v1/escalation-policies")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<PolicyJson.Policy> create(
            @RequestBody(required = false) PolicyJson.Policy body, Principal principal) {
        String name = body == null || body.name() == null ? null : body.name().strip();
        if (name != null && policies.exists(name)) {
            throw new FirebreakException.Conflict("escalation policy '" + name + "' exists; PUT replaces it");
        }
        PolicyJson.Policy saved = PolicyJson.of(policies.save(PolicyJson.parse(body, name), principal.getName()));
        return ResponseEntity.created(
                        URI.create("/api/v1/escalation-policies/" + saved.name().replace(" ", "%20")))
                .body(saved);
    }

    @PutMapping("/api/v1/escalation-policies/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    PolicyJson.Policy replace(
            @PathVariable String name, @RequestBody(required = false) PolicyJson.Policy body, Principal principal) {
        if (body != null && body.name() != null && !body.name().strip().equals(name.strip())) {
            throw new FirebreakException.BadInput(
                    "name", "the body names '" + body.name() + "' but the path '" + name + "'");
        }
        return PolicyJson.of(policies.save(PolicyJson.parse(body, name.strip()), principal.getName()));
    }

    @DeleteMapping("/api/v1/escalation-policies/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    PolicyDeletion delete(@PathVariable String name, Principal principal) {
        return policies.delete(name, principal.getName());
    }

    @GetMapping("/api/v1/escalation-roles")
    List<Role> roles() {
        return roles.list().stream().map(EscalationController::role).toList();
    }

    @GetMapping("/api/v1/escalation-roles/{role}")
    Role role(@PathVariable String role) {
        return roles.get(role)
                .map(EscalationController::role)
                .orElseThrow(() -> new FirebreakException.NotFound("no role mapping for '" + role + "'"));
    }

    @PutMapping("/api/v1/escalation-roles/{role}")
    @PreAuthorize("hasRole('ADMIN')")
    Role setRole(@PathVariable String role, @RequestBody(required = false) Role body, Principal principal) {
        if (body == null || body.target() == null) {
            throw new FirebreakException.BadInput("target", "the JSON body needs \"target\": {\"kind\", \"name\"}");
        }
        return role(roles.set(role, PolicyJson.target(body.target()), principal.getName()));
    }

    @DeleteMapping("/api/v1/escalation-roles/{role}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> removeRole(@PathVariable String role, Principal principal) {
        roles.remove(role, principal.getName());
        return ResponseEntity.noContent().build();
    }

    /** The incident's escalation; before it started (or without a policy) state is null. */
    @GetMapping("/api/v1/incidents/{id}/escalation")
    EscalationStatus escalation(@PathVariable long id) {
        incidents.get(id);
        return escalations
                .status(id)
                .orElse(new EscalationStatus(id, 0, null, null, 0, 0, List.of(), 0, 0, null, null, null, List.of()));
    }

    @GetMapping("/api/v1/incidents/{id}/pages")
    List<Page> pages(@PathVariable long id) {
        incidents.get(id);
        return escalations.pages(id);
    }

    private static Role role(RoleMapping mapping) {
        return new Role(mapping.role(), PolicyJson.target(mapping.target()));
    }
}
