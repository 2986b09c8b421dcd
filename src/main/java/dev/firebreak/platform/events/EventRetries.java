package dev.firebreak.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries failed hand-offs with exponential backoff and jitter, on every node; one that keeps
 * failing (a poison event) only waits longer and never holds up the others. Publications a crashed
 * node left unfinished are republished at start and, from other nodes, once Modulith's staleness
 * check marks them failed.
 */
@Component
@ConditionalOnExpression("'${firebreak.mode:server}' != 'admin'")
class EventRetries {
    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final FailedEventPublications failed;
    private final EventProperties properties;
    private final Clock clock;

    EventRetries(FailedEventPublications failed, EventProperties properties, Clock clock) {
        this.failed = failed;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${firebreak.events.retry-check:5s}",
            initialDelayString = "${firebreak.events.retry-check:5s}")
    void retry() {
        try {
            Instant now = clock.instant();
            failed.resubmit(ResubmissionOptions.defaults().withFilter(p -> due(p, now)));
        } catch (RuntimeException e) {
            log.warn("retrying failed hand-offs failed: {}", e.toString());
        }
    }

    private boolean due(EventPublication publication, Instant now) {
        Instant last = publication.getLastResubmissionDate() != null
                ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return !last.plus(backoff(publication.getCompletionAttempts())).isAfter(now);
    }

    /** base * 2^(attempts - 1), capped, with up to a fifth of jitter so nodes do not retry in step. */
    Duration backoff(int attempts) {
        long base = properties.retryBackoff().toMillis();
        long max = properties.retryBackoffMax().toMillis();
        long wait = Math.min(max, base << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(wait / 5 + 1));
    }
}
