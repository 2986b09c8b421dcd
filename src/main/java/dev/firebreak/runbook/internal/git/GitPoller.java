package dev.firebreak.runbook.internal.git;

import dev.firebreak.runbook.GitSource;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Syncs every source whose poll interval has passed. Every node runs this; the lease in {@code
 * git_sources} lets only one of them sync a given source. (db-scheduler was the first choice, but
 * no release on Maven Central supports Spring Boot 4 yet.)
 */
@Component
@ConditionalOnExpression("'${firebreak.mode:server}' != 'admin'")
class GitPoller {
    private static final Logger log = LoggerFactory.getLogger(GitPoller.class);

    private final GitSourceStore store;
    private final GitSync sync;
    private final Clock clock;

    GitPoller(GitSourceStore store, GitSync sync, Clock clock) {
        this.store = store;
        this.sync = sync;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${firebreak.runbooks.git-poll-check:30s}",
            initialDelayString = "${firebreak.runbooks.git-poll-check:30s}")
    void poll() {
        Instant now = clock.instant();
        for (GitSource source : store.list()) {
            if (source.lastSyncedAt() != null
                    && source.lastSyncedAt().plus(source.pollInterval()).isAfter(now)) {
                continue;
            }
            try {
                sync.run(source, false);
            } catch (RuntimeException e) {
                // Recorded as the source's last error; the next interval tries again.
                log.warn("git source {} sync failed: {}", source.id(), e.getMessage());
            }
        }
    }
}
