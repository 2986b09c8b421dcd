package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.alert.AlertGroupFiring;
import dev.firebreak.alert.AlertGroupResolved;
import dev.firebreak.alert.MaintenanceWindows;
import dev.firebreak.alert.RoutingProperties;
import dev.firebreak.alert.Silence;
import dev.firebreak.alert.Silences;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifies groups when due, with Alertmanager's timing: group_wait after a group appears, then a
 * tick every group_interval that fires when the unmuted firing alerts changed or repeat_interval
 * passed, and a resolve when none fire any more. Every node runs the schedule; a lease lets only
 * one flush. Events are published inside the group's transaction: the event publication registry
 * stores them with the group's new state, so a crash after the commit cannot lose them.
 */
@Component
@ConditionalOnExpression("'${firebreak.mode:server}' != 'admin'")
public class GroupFlusher {
    private static final Logger log = LoggerFactory.getLogger(GroupFlusher.class);

    private final GroupStore groups;
    private final RoutingStore routing;
    private final Silences silences;
    private final MaintenanceWindows maintenance;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RoutingProperties properties;
    private final String owner = UUID.randomUUID().toString();
    private final java.util.concurrent.atomic.AtomicBoolean nudged = new java.util.concurrent.atomic.AtomicBoolean();

    GroupFlusher(
            GroupStore groups,
            RoutingStore routing,
            Silences silences,
            MaintenanceWindows maintenance,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            RoutingProperties properties) {
        this.groups = groups;
        this.routing = routing;
        this.silences = silences;
        this.maintenance = maintenance;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${firebreak.alerts.flush-check:1s}",
            initialDelayString = "${firebreak.alerts.flush-check:1s}")
    void tick() {
        try {
            synchronized (this) {
                if (groups.takeLease(owner, clock.instant(), properties.flushLease())) {
                    flushDue();
                }
            }
        } catch (RuntimeException e) {
            log.warn("flushing alert groups failed: {}", e.toString());
        }
    }

    /**
     * Flushes soon on a thread of its own, for a group that became due at once (a PagerDuty
     * trigger, a group whose last alert resolved). Nudges coalesce; the durable next_flush_at and
     * the tick cover a nudge this node loses or that lands on a node without the lease.
     */
    public void nudge() {
        if (properties.flushAtOnce() && nudged.compareAndSet(false, true)) {
            Thread.ofVirtual().name("group-flush-nudge").start(() -> {
                nudged.set(false);
                tick();
            });
        }
    }

    /** Flushes every group that is due now; tests call it after moving the clock. */
    public int flushDue() {
        // Milliseconds, as stored: an event's time is compared with the times incidents keep.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Long> due = groups.due(now);
        if (due.isEmpty()) {
            return 0;
        }
        Muting muting = new Muting(
                routing.config().inhibitRules(),
                groups.firing(),
                silences.active().stream().map(Silence::parsedMatchers).toList(),
                maintenance.servicesInMaintenance());
        for (long id : due) {
            try {
                tx.executeWithoutResult(status -> flush(id, now, muting));
            } catch (RuntimeException e) {
                // One broken group must not stop the others; it stays due and is tried next tick.
                log.warn("flushing alert group {} failed: {}", id, e.toString());
            }
        }
        return due.size();
    }

    private void flush(long id, Instant now, Muting muting) {
        GroupStore.GroupRow group = groups.lockDue(id, now).orElse(null);
        if (group == null) {
            return;
        }
        List<GroupStore.Member> members = groups.members(id);
        List<Alert> firing = members.stream()
                .filter(GroupStore.Member::firing)
                .map(GroupStore.Member::alert)
                .toList();
        if (firing.isEmpty()) {
            if (group.firedHash() != null) {
                events.publishEvent(new AlertGroupResolved(group(group, alerts(members)), now));
            }
            groups.delete(id);
            return;
        }
        List<Alert> active =
                firing.stream().filter(a -> !muting.muted(a, group.service())).toList();
        String hash = active.isEmpty() ? null : hash(active);
        boolean changed = hash != null && !Objects.equals(hash, group.firedHash());
        boolean repeat = hash != null
                && group.lastFiredAt() != null
                && !group.lastFiredAt().plus(group.repeatInterval()).isAfter(now);
        Instant next = now.plus(group.groupInterval());
        if (changed || repeat) {
            List<Alert> resolved = members.stream()
                    .filter(m -> !m.firing())
                    .map(GroupStore.Member::alert)
                    .toList();
            List<Alert> shown = new java.util.ArrayList<>(active);
            shown.addAll(resolved);
            events.publishEvent(new AlertGroupFiring(group(group, shown), now));
            groups.fired(id, hash, now, next);
        } else {
            groups.scheduled(id, next);
        }
    }

    private static List<Alert> alerts(List<GroupStore.Member> members) {
        return members.stream().map(GroupStore.Member::alert).toList();
    }

    private static AlertGroup group(GroupStore.GroupRow row, List<Alert> alerts) {
        return new AlertGroup(
                row.key(),
                row.route(),
                row.groupLabels(),
                row.service(),
                row.escalationPolicy(),
                row.severity(),
                row.runbook(),
                List.copyOf(alerts));
    }

    private static String hash(List<Alert> alerts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            alerts.stream()
                    .map(Alert::fingerprint)
                    .sorted()
                    .forEach(f -> digest.update((f + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
