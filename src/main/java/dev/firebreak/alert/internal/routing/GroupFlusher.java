package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.alert.AlertGroupFiring;
import dev.firebreak.alert.AlertGroupResolved;
import dev.firebreak.alert.AlertGroupsFiring;
import dev.firebreak.alert.MaintenanceWindows;
import dev.firebreak.alert.RoutingProperties;
import dev.firebreak.alert.Silence;
import dev.firebreak.alert.Silences;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * one flush. Events are published inside the groups' transaction: the event publication registry
 * stores them with the groups' new state, so a crash after the commit cannot lose them. Due groups
 * are flushed in batches ({@code flush-batch}), their firings handed on as one {@link
 * AlertGroupsFiring}: a burst of new groups costs one commit and one hand-off per batch.
 */
@Component
@ConditionalOnExpression("'${firebreak.mode:server}' != 'admin'")
public class GroupFlusher {
    private static final Logger log = LoggerFactory.getLogger(GroupFlusher.class);
    private static final int MAX_EVENT_ALERTS = 1000;

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
        int size = Math.max(1, properties.flushBatch());
        for (int from = 0; from < due.size(); from += size) {
            // Locked in id order, as the alert writer locks groups: two transactions never wait on each other in a
            // ring.
            List<Long> batch = due.subList(from, Math.min(due.size(), from + size)).stream()
                    .sorted()
                    .toList();
            try {
                tx.executeWithoutResult(status -> flush(batch, now, muting));
            } catch (RuntimeException e) {
                if (batch.size() == 1) {
                    log.warn("flushing alert group {} failed: {}", batch.getFirst(), e.toString());
                    continue;
                }
                // One broken group must not stop the others: this batch again, group by group.
                for (long id : batch) {
                    try {
                        tx.executeWithoutResult(status -> flush(List.of(id), now, muting));
                    } catch (RuntimeException single) {
                        log.warn("flushing alert group {} failed: {}", id, single.toString());
                    }
                }
            }
        }
        return due.size();
    }

    /** Flushes these groups in the caller's transaction; their firings go out as few events as their size allows. */
    private void flush(List<Long> ids, Instant now, Muting muting) {
        List<AlertGroupFiring> firings = new ArrayList<>();
        int alerts = 0;
        for (long id : ids) {
            AlertGroupFiring firing = flush(id, now, muting);
            if (firing == null) {
                continue;
            }
            // A few huge groups make several events: a stored event is read whole by its listener.
            if (!firings.isEmpty() && alerts + firing.group().alerts().size() > MAX_EVENT_ALERTS) {
                events.publishEvent(new AlertGroupsFiring(firings));
                firings = new ArrayList<>();
                alerts = 0;
            }
            firings.add(firing);
            alerts += firing.group().alerts().size();
        }
        if (!firings.isEmpty()) {
            events.publishEvent(new AlertGroupsFiring(firings));
        }
    }

    /** One group's flush; the firing to hand on, or null (resolved, muted, unchanged or gone). */
    private AlertGroupFiring flush(long id, Instant now, Muting muting) {
        GroupStore.GroupRow group = groups.lockDue(id, now).orElse(null);
        if (group == null) {
            return null;
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
            return null;
        }
        List<Alert> active =
                firing.stream().filter(a -> !muting.muted(a, group.service())).toList();
        String hash = active.isEmpty() ? null : hash(active);
        boolean changed = hash != null && !Objects.equals(hash, group.firedHash());
        boolean repeat = hash != null
                && group.lastFiredAt() != null
                && !group.lastFiredAt().plus(group.repeatInterval()).isAfter(now);
        Instant next = now.plus(group.groupInterval());
        if (!changed && !repeat) {
            groups.scheduled(id, next);
            return null;
        }
        List<Alert> resolved = members.stream()
                .filter(m -> !m.firing())
                .map(GroupStore.Member::alert)
                .toList();
        List<Alert> shown = new ArrayList<>(active);
        shown.addAll(resolved);
        groups.fired(id, hash, now, next);
        return new AlertGroupFiring(group(group, shown), now);
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
