package dev.firebreak.alert;

import dev.firebreak.alert.internal.silence.SilenceStore;
import dev.firebreak.platform.FirebreakException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Silences: created from the API, the CLI, the UI or an incident ("silence this alert" uses {@link
 * AlertMatcher#exactly(Map)}). A silenced alert still groups, but its group does not fire for it.
 */
@Service
public class Silences {
    static final int MAX_COMMENT = 2000;

    private final SilenceStore store;
    private final Clock clock;

    Silences(SilenceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** startsAt null means now. Rejects silences that would match every alert, as Alertmanager does. */
    public Silence create(
            List<AlertMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
        Instant now = clock.instant();
        Instant start = startsAt == null ? now : startsAt;
        if (matchers == null || matchers.isEmpty()) {
            throw new FirebreakException.BadInput("matchers", "a silence needs at least one matcher");
        }
        if (matchers.stream().allMatch(m -> m.matches(Map.of()))) {
            throw new FirebreakException.BadInput(
                    "matchers",
                    "at least one matcher must not match the empty string, or the silence would mute every alert");
        }
        if (endsAt == null) {
            throw new FirebreakException.BadInput("endsAt", "a silence needs an end (endsAt or a duration)");
        }
        if (!endsAt.isAfter(start)) {
            throw new FirebreakException.BadInput("endsAt", "endsAt must be after startsAt");
        }
        if (!endsAt.isAfter(now)) {
            throw new FirebreakException.BadInput("endsAt", "endsAt is in the past");
        }
        if (comment == null || comment.isBlank()) {
            throw new FirebreakException.BadInput("comment", "a silence needs a comment saying why");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new FirebreakException.BadInput("comment", "comment is longer than " + MAX_COMMENT + " characters");
        }
        List<String> texts = matchers.stream().map(AlertMatcher::toString).toList();
        return store.insert(texts, start, endsAt, createdBy, comment.strip());
    }

    /**
     * Alertmanager's update of a silence: the old one expires and a new one with the new matchers,
     * times and comment takes its place, in one transaction.
     */
    @Transactional
    public Silence replace(
            long id, List<AlertMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
        get(id);
        Silence created = create(matchers, startsAt, endsAt, createdBy, comment);
        expire(id);
        return created;
    }

    /** Silences this alert, exactly these labels, for the duration: the incident page's button. */
    public Silence silenceAlert(Alert alert, Duration duration, String createdBy, String comment) {
        return create(
                AlertMatcher.exactly(alert.labels()), null, clock.instant().plus(duration), createdBy, comment);
    }

    public List<Silence> list() {
        return store.list();
    }

    public Silence get(long id) {
        return store.find(id).orElseThrow(() -> new FirebreakException.NotFound("no silence " + id));
    }

    /** Ends the silence now; expiring an expired silence changes nothing. */
    public Silence expire(long id) {
        Silence silence = get(id);
        if (silence.state() == SilenceState.EXPIRED) {
            return silence;
        }
        Instant now = clock.instant();
        store.end(id, silence.startsAt().isAfter(now) ? silence.startsAt() : now);
        return get(id);
    }

    /** The silences active now. */
    public List<Silence> active() {
        return store.active(clock.instant());
    }

    /** Whether an active silence mutes an alert with these labels now. */
    public boolean silenced(Map<String, String> labels) {
        Instant now = clock.instant();
        return store.active(now).stream().anyMatch(s -> AlertMatcher.all(s.parsedMatchers(), labels));
    }
}
