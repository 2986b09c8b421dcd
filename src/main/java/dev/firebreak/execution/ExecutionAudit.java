package dev.firebreak.execution;

import dev.firebreak.execution.internal.AuditLog;
import dev.firebreak.platform.FirebreakException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads the execution audit and checks its hash chain; nothing here changes it. */
@Service
public class ExecutionAudit {
    private final AuditLog log;

    ExecutionAudit(AuditLog log) {
        this.log = log;
    }

    public List<AuditEntry> recent(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new FirebreakException.BadInput("limit", "limit must be between 1 and 1000");
        }
        return log.recent(limit);
    }

    public AuditVerification verify() {
        return log.verify();
    }
}
