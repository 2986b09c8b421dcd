package dev.firebreak.escalation;

import dev.firebreak.escalation.internal.RoleMappingStore;
import dev.firebreak.escalation.internal.TargetChecks;
import dev.firebreak.platform.FirebreakException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which schedule, user or team a runbook's role ("Primary", "Manager") pages. Roles are matched
 * trimmed and case-folded, so "primary " is "Primary" while "Primary on-call" stays its own role.
 */
@Service
public class RoleMappings {
    private static final int MAX_NAME = 200;
    private static final int MAX_DEPTH = 8;

    private final RoleMappingStore store;
    private final TargetChecks checks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoleMappings(RoleMappingStore store, TargetChecks checks, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    /** The key a role is stored and matched by: trimmed, inner whitespace collapsed, lower case. */
    public static String normalize(String role) {
        return role == null ? "" : role.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Transactional
    public RoleMapping set(String role, StepTarget target, String actor) {
        String key = normalize(role);
        if (key.isEmpty()) {
            throw new FirebreakException.BadInput("role", "a role mapping needs a role name");
        }
        if (key.length() > MAX_NAME) {
            throw new FirebreakException.BadInput("role", "role must be at most " + MAX_NAME + " characters");
        }
        if (target == null
                || target.kind() == null
                || target.name() == null
                || target.name().isBlank()) {
            throw new FirebreakException.BadInput("target", "a role mapping needs a target kind and name");
        }
        StepTarget clean = new StepTarget(target.kind(), target.name().strip());
        String problem = checks.problem(clean);
        if (problem != null) {
            throw new FirebreakException.BadInput("target", problem);
        }
        if (clean.kind() == StepTarget.Kind.ROLE && reaches(clean, key)) {
            throw new FirebreakException.BadInput(
                    "target", "role '" + role.strip() + "' would map to itself through '" + clean.name() + "'");
        }
        store.put(key, role.strip().replaceAll("\\s+", " "), clean, actor, clock.instant());
        events.publishEvent(new RoleMappingChanged(key, clean, actor));
        return store.find(key).orElseThrow();
    }

    @Transactional
    public void remove(String role, String actor) {
        String key = normalize(role);
        if (!store.remove(key)) {
            throw new FirebreakException.NotFound("no role mapping for '" + (role == null ? "" : role.strip()) + "'");
        }
        events.publishEvent(new RoleMappingChanged(key, null, actor));
    }

    public List<RoleMapping> list() {
        return store.list();
    }

    public Optional<RoleMapping> get(String role) {
        return store.find(normalize(role));
    }

    /**
     * The schedule, user, team or policy a role ends at, following roles mapped to roles; empty
     * when it has no mapping (or the chain is broken or loops).
     */
    public Optional<StepTarget> resolve(String role) {
        Set<String> seen = new HashSet<>();
        String key = normalize(role);
        for (int depth = 0; depth < MAX_DEPTH && seen.add(key); depth++) {
            Optional<RoleMapping> mapping = store.find(key);
            if (mapping.isEmpty()) {
                return Optional.empty();
            }
            StepTarget target = mapping.get().target();
            if (target.kind() != StepTarget.Kind.ROLE) {
                return Optional.of(target);
            }
            key = normalize(target.name());
        }
        return Optional.empty();
    }

    /** Roles of the list that have no mapping yet, as the admin wrote them. */
    public List<String> unmapped(List<String> roles) {
        List<String> missing = new ArrayList<>();
        for (String role : roles) {
            if (resolve(role).isEmpty() && !missing.contains(role)) {
                missing.add(role);
            }
        }
        return missing;
    }

    private boolean reaches(StepTarget target, String key) {
        Set<String> seen = new HashSet<>();
        String next = normalize(target.name());
        while (seen.add(next)) {
            if (next.equals(key)) {
                return true;
            }
            Optional<RoleMapping> mapping = store.find(next);
            if (mapping.isEmpty() || mapping.get().target().kind() != StepTarget.Kind.ROLE) {
                return false;
            }
            next = normalize(mapping.get().target().name());
        }
        return true;
    }
}
