package dev.firebreak.api;

import dev.firebreak.execution.AuditEntry;
import dev.firebreak.execution.AuditVerification;
import dev.firebreak.execution.ExecutionAudit;
import dev.firebreak.execution.ExecutionSwitches;
import dev.firebreak.execution.ServiceExecution;
import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Which services run commands ({@code /api/v1/execution/services}, admins change) and the audit (read only). */
@RestController
@RequestMapping("/api/v1/execution")
class ExecutionAdminController {
    private final ExecutionSwitches switches;
    private final ExecutionAudit audit;

    ExecutionAdminController(ExecutionSwitches switches, ExecutionAudit audit) {
        this.switches = switches;
        this.audit = audit;
    }

    record SwitchBody(Boolean enabled, Boolean diagnostics) {}

    @GetMapping("/services")
    List<ServiceExecution> services() {
        return switches.list();
    }

    @PutMapping("/services/{service}")
    @PreAuthorize("hasRole('ADMIN')")
    ServiceExecution set(@PathVariable String service, @RequestBody(required = false) SwitchBody body, Principal who) {
        if (body == null || body.enabled() == null) {
            throw new dev.firebreak.platform.FirebreakException.BadInput(
                    "enabled", "the body needs enabled: true or false");
        }
        return switches.set(service, body.enabled(), Boolean.TRUE.equals(body.diagnostics()), who.getName());
    }

    @GetMapping("/audit")
    List<AuditEntry> audit(@RequestParam(defaultValue = "100") int limit) {
        return audit.recent(limit);
    }

    @GetMapping("/audit/verify")
    AuditVerification verify() {
        return audit.verify();
    }
}
