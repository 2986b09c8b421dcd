package dev.firebreak.api;

import dev.firebreak.incident.Incidents;
import dev.firebreak.notify.Message;
import dev.firebreak.notify.Notifications;
import dev.firebreak.platform.FirebreakException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery ledger: an incident's messages with every attempt, one message, and every message in
 * id order a chunk at a time (admin: audits and bench/notify).
 */
@RestController
class MessageController {
    private final Notifications notifications;
    private final Incidents incidents;

    MessageController(Notifications notifications, Incidents incidents) {
        this.notifications = notifications;
        this.incidents = incidents;
    }

    @GetMapping("/api/v1/incidents/{id}/messages")
    List<Message> forIncident(@PathVariable long id) {
        incidents.get(id);
        return notifications.forIncident(id);
    }

    @GetMapping("/api/v1/messages/{id}")
    Message message(@PathVariable long id) {
        return notifications.get(id).orElseThrow(() -> new FirebreakException.NotFound("no message " + id));
    }

    @GetMapping("/api/v1/admin/messages")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<List<Message>> after(
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new FirebreakException.BadInput("limit", "limit must be between 1 and 1000, not " + limit);
        }
        return ListPages.after(notifications.after(after, limit), limit, Message::id);
    }
}
