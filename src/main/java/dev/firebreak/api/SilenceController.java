package dev.firebreak.api;

import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.MaintenanceWindow;
import dev.firebreak.alert.MaintenanceWindows;
import dev.firebreak.alert.Silence;
import dev.firebreak.alert.SilenceState;
import dev.firebreak.alert.Silences;
import dev.firebreak.platform.FirebreakException;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Silences ({@code /api/v1/silences}) and maintenance windows ({@code /api/v1/maintenance-windows}).
 * DELETE expires or ends rather than erasing, so the history stays.
 */
@RestController
class SilenceController {
    private final Silences silences;
    private final MaintenanceWindows windows;
    private final Clock clock;

    SilenceController(Silences silences, MaintenanceWindows windows, Clock clock) {
        this.silences = silences;
        this.windows = windows;
        this.clock = clock;
    }

    /** startsAt/endsAt are RFC 3339; duration ("2h", "PT30M") may replace endsAt. */
    record NewSilence(List<String> matchers, String startsAt, String endsAt, String duration, String comment) {}

    record NewWindow(String service, String startsAt, String endsAt, String duration, String comment) {}

    /**
     * Every silence (ending last first), or with {@code limit} a page of them newest first, with
     * {@code before} the cursor of the {@code Link} header's next page and {@code X-Total-Count}.
     */
    @GetMapping("/api/v1/silences")
    ResponseEntity<List<Silence>> list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long before) {
        List<Silence> all = silences.list();
        if (state != null && !state.isBlank()) {
            SilenceState wanted;
            try {
                wanted = SilenceState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FirebreakException.BadInput("state", "state must be pending, active or expired");
            }
            all = all.stream().filter(s -> s.state() == wanted).toList();
        }
        if (limit == null && before == null) {
            return ResponseEntity.ok(all);
        }
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw new FirebreakException.BadInput("limit", "limit must be between 1 and 1000");
        }
        List<Silence> newest = all.stream()
                .filter(s -> before == null || s.id() < before)
                .sorted(java.util.Comparator.comparingLong(Silence::id).reversed())
                .toList();
        List<Silence> page = newest.subList(0, Math.min(size, newest.size()));
        Long next = newest.size() > size ? page.getLast().id() : null;
        return ListPages.of(page, next, (long) all.size());
    }

    @GetMapping("/api/v1/silences/{id}")
    Silence get(@PathVariable long id) {
        return silences.get(id);
    }

    @PostMapping("/api/v1/silences")
    ResponseEntity<Silence> create(@RequestBody(required = false) NewSilence body, Principal principal) {
        if (body == null) {
            throw new FirebreakException.BadInput(
                    "matchers", "the JSON body needs \"matchers\", \"endsAt\" or \"duration\", and \"comment\"");
        }
        List<AlertMatcher> matchers = new ArrayList<>();
        for (String text : body.matchers() == null ? List.<String>of() : body.matchers()) {
            try {
                matchers.add(AlertMatcher.parse(text));
            } catch (AlertMatcher.Invalid e) {
                throw new FirebreakException.BadInput("matchers", e.getMessage());
            }
        }
        Instant start = instant("startsAt", body.startsAt());
        Instant end = end(start, body.endsAt(), body.duration());
        Silence silence = silences.create(matchers, start, end, principal.getName(), body.comment());
        return ResponseEntity.created(URI.create("/api/v1/silences/" + silence.id()))
                .body(silence);
    }

    @DeleteMapping("/api/v1/silences/{id}")
    Silence expire(@PathVariable long id) {
        return silences.expire(id);
    }

    @GetMapping("/api/v1/maintenance-windows")
    List<MaintenanceWindow> windows() {
        return windows.list();
    }

    @PostMapping("/api/v1/maintenance-windows")
    ResponseEntity<MaintenanceWindow> createWindow(@RequestBody(required = false) NewWindow body, Principal principal) {
        if (body == null) {
            throw new FirebreakException.BadInput(
                    "service", "the JSON body needs \"service\" and \"endsAt\" or \"duration\"");
        }
        Instant start = instant("startsAt", body.startsAt());
        MaintenanceWindow window = windows.create(
                body.service(), start, end(start, body.endsAt(), body.duration()), principal.getName(), body.comment());
        return ResponseEntity.created(URI.create("/api/v1/maintenance-windows/" + window.id()))
                .body(window);
    }

    @DeleteMapping("/api/v1/maintenance-windows/{id}")
    MaintenanceWindow endWindow(@PathVariable long id) {
        return windows.end(id);
    }

    private Instant end(Instant start, String endsAt, String duration) {
        if (duration != null && !duration.isBlank()) {
            if (endsAt != null && !endsAt.isBlank()) {
                throw new FirebreakException.BadInput("duration", "give endsAt or duration, not both");
            }
            Duration length;
            try {
                length = DurationStyle.detectAndParse(duration.strip());
            } catch (IllegalArgumentException e) {
                throw new FirebreakException.BadInput(
                        "duration", "not a duration: '" + duration + "' (use 30m, 2h, PT2H)");
            }
            if (length.isNegative() || length.isZero()) {
                throw new FirebreakException.BadInput("duration", "duration must be positive");
            }
            return (start == null ? clock.instant() : start).plus(length);
        }
        return instant("endsAt", endsAt);
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new FirebreakException.BadInput(
                    field, field + " is not an RFC 3339 time such as 2026-01-31T12:00:00Z");
        }
    }
}
