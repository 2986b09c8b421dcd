package dev.firebreak.api;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.events.DurableEvents;
import dev.firebreak.platform.events.HandOff;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stuck work for admins: {@code /api/v1/admin/hand-offs}, the durable hand-offs not completed yet. */
@RestController
@RequestMapping("/api/v1/admin/hand-offs")
@PreAuthorize("hasRole('ADMIN')")
class HandOffController {
    private final DurableEvents events;

    HandOffController(DurableEvents events) {
        this.events = events;
    }

    record HandOffs(long pending, long failed, List<HandOff> items) {}

    @GetMapping
    HandOffs list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new FirebreakException.BadInput("limit", "limit must be between 1 and 1000");
        }
        return new HandOffs(events.pending(), events.failing(), events.list(limit));
    }

    /** Retries every failed hand-off now instead of after its backoff. */
    @PostMapping("/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Long> retry() {
        long failed = events.failing();
        events.retryFailedNow();
        return Map.of("retried", failed);
    }
}
