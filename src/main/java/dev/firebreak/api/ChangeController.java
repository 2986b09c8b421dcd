package dev.firebreak.api;

import dev.firebreak.alert.ChangeEvent;
import dev.firebreak.alert.ChangeEvents;
import dev.firebreak.platform.FirebreakException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Received change events, read-only: {@code GET /api/v1/changes} (viewer), newest first. */
@RestController
@RequestMapping("/api/v1/changes")
class ChangeController {
    private final ChangeEvents changes;

    ChangeController(ChangeEvents changes) {
        this.changes = changes;
    }

    /** Newest first, paged with a {@code before} cursor in the {@code Link} header ({@link ListPages}). */
    @GetMapping
    ResponseEntity<List<ChangeEvent>> list(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String before) {
        if (limit < 1 || limit > ChangeEvents.MAX_LIMIT) {
            throw new FirebreakException.BadInput("limit", "limit must be between 1 and " + ChangeEvents.MAX_LIMIT);
        }
        ChangeEvents.ChangePage page =
                changes.page(blankToNull(service), blankToNull(source), instant(since), limit, blankToNull(before));
        // A first page with no next one is the whole answer: its size is the total.
        Long total = page.next() == null && before == null ? (long) page.items().size() : null;
        return ListPages.of(page.items(), page.next(), total);
    }

    /** An ISO 8601 instant with an offset, such as {@code 2026-01-31T12:00:00Z}. */
    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(since.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new FirebreakException.BadInput(
                    "since", "since must be an ISO 8601 time with an offset, such as 2026-01-31T12:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
