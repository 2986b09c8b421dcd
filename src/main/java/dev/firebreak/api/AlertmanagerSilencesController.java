package dev.firebreak.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.Silence;
import dev.firebreak.alert.Silences;
import dev.firebreak.platform.FirebreakException;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's silence API ({@code /api/v2/silences}, {@code /api/v2/silence/{id}}) on
 * Firebreak's silences, so amtool and Grafana manage the same silences as {@code /api/v1/silences}.
 * The creator is the token's user, whatever createdBy the client sends.
 */
@RestController
class AlertmanagerSilencesController {
    private final Silences silences;

    AlertmanagerSilencesController(Silences silences) {
        this.silences = silences;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PostableMatcher(String name, String value, Boolean isRegex, Boolean isEqual) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PostableSilence(
            String id,
            List<PostableMatcher> matchers,
            String startsAt,
            String endsAt,
            String createdBy,
            String comment) {}

    /** Active silences first (ending soonest first), then pending (starting soonest), then expired (latest first). */
    private static final Comparator<Silence> ORDER = Comparator.<Silence>comparingInt(s -> switch (s.state()) {
                case ACTIVE -> 0;
                case PENDING -> 1;
                case EXPIRED -> 2;
            })
            .thenComparing(s -> switch (s.state()) {
                case ACTIVE -> s.endsAt();
                case PENDING -> s.startsAt();
                case EXPIRED -> Instant.MAX.minusSeconds(s.endsAt().getEpochSecond());
            });

    @GetMapping(path = "/api/v2/silences", produces = AlertIntakeController.JSON)
    List<Map<String, Object>> list(@RequestParam(name = "filter", required = false) List<String> filter) {
        List<AlertMatcher> matchers = AlertmanagerJson.filter(filter);
        return silences.list().stream()
                .filter(s -> matches(s, matchers))
                .sorted(ORDER)
                .map(AlertmanagerJson::silence)
                .toList();
    }

    @GetMapping(path = "/api/v2/silence/{id}", produces = AlertIntakeController.JSON)
    Map<String, Object> get(@PathVariable String id) {
        return AlertmanagerJson.silence(silences.get(AlertmanagerJson.silenceNumber(id)));
    }

    /** Creates a silence, or with the id of an existing one replaces it (the old one expires). */
    @PostMapping(path = "/api/v2/silences", produces = AlertIntakeController.JSON)
    Map<String, Object> post(@RequestBody(required = false) PostableSilence body, Principal principal) {
        if (body == null) {
            throw new FirebreakException.BadInput("matchers", "the body needs matchers, startsAt, endsAt and comment");
        }
        List<AlertMatcher> matchers = matchers(body.matchers());
        Instant start = instant("startsAt", body.startsAt());
        Instant end = instant("endsAt", body.endsAt());
        if (end == null) {
            throw new FirebreakException.BadInput("endsAt", "a silence needs endsAt");
        }
        Silence created = body.id() == null || body.id().isBlank()
                ? silences.create(matchers, start, end, principal.getName(), body.comment())
                : silences.replace(
                        AlertmanagerJson.silenceNumber(body.id()),
                        matchers,
                        start,
                        end,
                        principal.getName(),
                        body.comment());
        return Map.of("silenceID", AlertmanagerJson.silenceId(created.id()));
    }

    @DeleteMapping("/api/v2/silence/{id}")
    void expire(@PathVariable String id) {
        silences.expire(AlertmanagerJson.silenceNumber(id));
    }

    /** Alertmanager's filter: the silence's equality matchers as a label set must match every filter matcher. */
    private static boolean matches(Silence silence, List<AlertMatcher> filter) {
        if (filter.isEmpty()) {
            return true;
        }
        Map<String, String> labels = new HashMap<>();
        for (AlertMatcher m : silence.parsedMatchers()) {
            labels.put(m.name(), m.value());
        }
        return AlertMatcher.all(filter, labels);
    }

    private static List<AlertMatcher> matchers(List<PostableMatcher> matchers) {
        if (matchers == null || matchers.isEmpty()) {
            throw new FirebreakException.BadInput("matchers", "a silence needs at least one matcher");
        }
        return matchers.stream()
                .map(m -> {
                    if (m == null || m.name() == null || m.name().isBlank() || m.value() == null) {
                        throw new FirebreakException.BadInput("matchers", "every matcher needs a name and a value");
                    }
                    boolean regex = Boolean.TRUE.equals(m.isRegex());
                    boolean equal = m.isEqual() == null || m.isEqual();
                    AlertMatcher.Op op = regex
                            ? (equal ? AlertMatcher.Op.REGEX : AlertMatcher.Op.NOT_REGEX)
                            : (equal ? AlertMatcher.Op.EQUAL : AlertMatcher.Op.NOT_EQUAL);
                    try {
                        return AlertMatcher.of(m.name(), op, m.value());
                    } catch (AlertMatcher.Invalid e) {
                        throw new FirebreakException.BadInput("matchers", e.getMessage());
                    }
                })
                .toList();
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new FirebreakException.BadInput(
                    field, field + " is not an RFC 3339 time such as 2026-01-31T12:00:00Z");
        }
    }
}
