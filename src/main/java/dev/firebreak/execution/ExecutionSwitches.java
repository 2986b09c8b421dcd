package dev.firebreak.execution;

import dev.firebreak.execution.internal.AuditLog;
import dev.firebreak.execution.internal.SwitchStore;
import dev.firebreak.platform.FirebreakException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which services may run runbook commands: off until an admin turns a service on. Each change is audited. */
@Service
public class ExecutionSwitches {
    private final SwitchStore store;
    private final AuditLog audit;
    private final Clock clock;

    ExecutionSwitches(SwitchStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ServiceExecution> list() {
        return store.list();
    }

    public Optional<ServiceExecution> find(String service) {
        return store.find(service);
    }

    /** Turns running on or off for {@code service}; {@code diagnostics} also runs read-only steps on open. */
    @Transactional
    public ServiceExecution set(String service, boolean enabled, boolean diagnostics, String actor) {
        if (service == null || service.isBlank() || service.length() > 200) {
            throw new FirebreakException.BadInput("service", "service must be 1 to 200 characters");
        }
        String name = service.strip();
        Instant now = clock.instant();
        store.put(name, enabled, enabled && diagnostics, actor, now);
        audit.append(
                now,
                actor,
                enabled ? AuditAction.ENABLED : AuditAction.DISABLED,
                null,
                null,
                name + (enabled && diagnostics ? " diagnostics" : ""));
        return store.find(name).orElseThrow();
    }
}
