package dev.firebreak.api;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.SecurityAudit;
import dev.firebreak.platform.security.SecurityEvent;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The security audit trail for admins: logins accepted, refused and throttled, newest first. */
@RestController
@RequestMapping("/api/v1/admin/security-events")
@PreAuthorize("hasRole('ADMIN')")
class SecurityEventController {
    private final SecurityAudit audit;

    SecurityEventController(SecurityAudit audit) {
        this.audit = audit;
    }

    /** A page of events; {@code next} is the link to the older ones, null on the last page. */
    record Page(List<SecurityEvent> items, String next) {}

    @GetMapping
    Page list(@RequestParam(defaultValue = "0") long before, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new FirebreakException.BadInput("limit", "limit must be between 1 and 1000");
        }
        if (before < 0) {
            throw new FirebreakException.BadInput("before", "before must be an event id");
        }
        List<SecurityEvent> page = audit.list(before, limit + 1);
        if (page.size() <= limit) {
            return new Page(page, null);
        }
        List<SecurityEvent> items = page.subList(0, limit);
        return new Page(
                items,
                "/api/v1/admin/security-events?before=" + items.get(limit - 1).id() + "&limit=" + limit);
    }
}
