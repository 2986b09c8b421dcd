package dev.firebreak.escalation.internal.runbooks;

import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.EscalationPolicyChanged;
import dev.firebreak.escalation.RunbookSync;
import dev.firebreak.escalation.RunbookSync.Kind;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookChanged;
import dev.firebreak.runbook.RunbookDeleted;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The durable listeners of runbook-backed policies: each runs in its own transaction after its
 * cause committed and is retried until done, so each is idempotent.
 */
@Component
class RunbookPolicyEvents {
    private static final Logger log = LoggerFactory.getLogger(RunbookPolicyEvents.class);

    private final RunbookPolicySync sync;
    private final RunbookLinkStore links;
    private final EscalationPolicies policies;
    private final Clock clock;

    RunbookPolicyEvents(RunbookPolicySync sync, RunbookLinkStore links, EscalationPolicies policies, Clock clock) {
        this.sync = sync;
        this.links = links;
        this.policies = policies;
        this.clock = clock;
    }

    /** Durable: retried until done. Always reads the runbook's current version, so order does not matter. */
    @ApplicationModuleListener
    void onChanged(RunbookChanged event) {
        try {
            sync.follow(event.slug());
        } catch (FirebreakException.BadInput e) {
            // Retrying cannot help: the runbook must change. Said once, in the audit.
            log.warn(
                    "runbook {} v{}: its escalation matrix makes no valid policy: {}",
                    event.slug(),
                    event.version(),
                    e.getMessage());
            links.audit(new RunbookSync(
                    RunbookPolicies.policyName(event.slug()),
                    event.slug(),
                    event.version(),
                    Kind.REJECTED,
                    "firebreak",
                    e.getMessage(),
                    null,
                    null,
                    clock.instant()));
        }
    }

    @ApplicationModuleListener
    void onDeleted(RunbookDeleted event) {
        links.lock(event.slug()).filter(l -> l.runbookDeletedAt() == null).ifPresent(link -> {
            Instant now = clock.instant();
            links.save(RunbookPolicySync.withState(link, link.pendingVersion(), now), now);
            links.audit(new RunbookSync(
                    link.policy(),
                    link.runbookSlug(),
                    null,
                    Kind.RUNBOOK_DELETED,
                    "firebreak",
                    "runbook " + link.runbookSlug() + " deleted; the policy keeps its steps",
                    link.matrixSummary(),
                    null,
                    now));
        });
    }

    /** Audits what people do to a runbook's policy; the sync's own saves are at the linked version. */
    @ApplicationModuleListener
    void onPolicyChanged(EscalationPolicyChanged event) {
        links.byPolicy(event.name())
                .filter(link -> event.deleted() || event.version() != link.policyVersion())
                .ifPresent(link -> links.audit(new RunbookSync(
                        link.policy(),
                        link.runbookSlug(),
                        null,
                        event.deleted() ? Kind.POLICY_DELETED : Kind.DETACHED,
                        event.by() == null ? "unknown" : event.by(),
                        event.deleted()
                                ? "policy deleted by hand"
                                : "policy v" + event.version() + " saved by hand; it no longer follows runbook "
                                        + link.runbookSlug(),
                        link.matrixSummary(),
                        event.deleted()
                                ? null
                                : policies.exists(event.name())
                                        ? PolicySummary.of(policies.get(event.name())
                                                .policy()
                                                .tiers())
                                        : null,
                        clock.instant())));
    }
}
