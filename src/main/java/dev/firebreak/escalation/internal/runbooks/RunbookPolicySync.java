package dev.firebreak.escalation.internal.runbooks;

import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.RunbookPolicy;
import dev.firebreak.escalation.RunbookPolicyProperties;
import dev.firebreak.escalation.RunbookSync;
import dev.firebreak.escalation.RunbookSync.Kind;
import dev.firebreak.escalation.StoredPolicy;
import dev.firebreak.escalation.internal.PolicyValidation;
import dev.firebreak.escalation.internal.runbooks.RunbookLinkStore.Link;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookDocument;
import dev.firebreak.runbook.RunbookLibrary;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps runbook-backed policies in step with their runbooks' escalation matrices. Each run is one
 * transaction (the durable listener's own, or the admin's request): the policy, its link and the
 * audit entry commit together ({@link RunbookPolicyEvents} calls it for runbook events). A policy saved by anyone else since the last sync is detached and
 * left alone; see docs/escalation-from-runbooks.md.
 */
@Component
public class RunbookPolicySync {
    private static final Logger log = LoggerFactory.getLogger(RunbookPolicySync.class);
    private static final String EMPTY = PolicySummary.hash("");

    private final RunbookLibrary library;
    private final EscalationPolicies policies;
    private final PolicyValidation validation;
    private final RunbookLinkStore links;
    private final RunbookPolicyProperties properties;
    private final Clock clock;

    RunbookPolicySync(
            RunbookLibrary library,
            EscalationPolicies policies,
            PolicyValidation validation,
            RunbookLinkStore links,
            RunbookPolicyProperties properties,
            Clock clock) {
        this.library = library;
        this.policies = policies;
        this.validation = validation;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    void follow(String slug) {
        RunbookDocument runbook;
        try {
            runbook = library.get(slug);
        } catch (FirebreakException.NotFound e) {
            return; // deleted since; its RunbookDeleted says so
        }
        Optional<Link> link = links.lock(slug);
        Target target = Target.of(runbook);
        Optional<StoredPolicy> current = find(target.policy().name());
        String cause = "runbook " + slug + " v" + target.version() + " ("
                + runbook.version().source() + ")";
        Instant now = clock.instant();
        if (link.isEmpty()) {
            if (target.policy().tiers().isEmpty()) {
                return;
            }
            if (current.isPresent() && !slug.equals(current.get().policy().runbookSlug())) {
                log.warn(
                        "runbook {} has an escalation matrix, but policy {} exists and does not follow it",
                        slug,
                        target.policy().name());
                return;
            }
            if (current.isEmpty() && !properties.autoCreate()) {
                return;
            }
            apply(
                    target,
                    current,
                    current.isEmpty() ? Kind.CREATED : Kind.UPDATED,
                    runbook.version().author(),
                    cause);
            return;
        }
        Link known = link.get();
        if (known.matrixHash().equals(target.hash())) {
            if (known.runbookDeletedAt() != null || known.pendingVersion() != null) {
                links.save(
                        new Link(
                                slug,
                                known.policy(),
                                known.matrixHash(),
                                known.matrixSummary(),
                                target.version(),
                                known.policyVersion(),
                                null,
                                null),
                        now);
            }
            return;
        }
        if (target.policy().tiers().isEmpty()) {
            links.save(
                    new Link(slug, known.policy(), EMPTY, "", target.version(), known.policyVersion(), null, null),
                    now);
            links.audit(new RunbookSync(
                    known.policy(),
                    slug,
                    target.version(),
                    Kind.MATRIX_REMOVED,
                    runbook.version().author(),
                    cause,
                    known.matrixSummary(),
                    null,
                    now));
            return;
        }
        if (detached(known, current)) {
            if (!Integer.valueOf(target.version()).equals(known.pendingVersion())) {
                links.save(withState(known, target.version(), null), now);
                links.audit(new RunbookSync(
                        known.policy(),
                        slug,
                        target.version(),
                        Kind.SKIPPED_DETACHED,
                        runbook.version().author(),
                        cause + "; the policy was edited by hand and keeps its steps",
                        current.map(c -> PolicySummary.of(c.policy().tiers())).orElse(null),
                        target.summary(),
                        now));
            }
            return;
        }
        apply(target, current, Kind.UPDATED, runbook.version().author(), cause);
    }

    /** The admin's "create policy from runbook": makes, updates or re-attaches it. */
    @Transactional
    public RunbookPolicy createFromRunbook(String slug, String actor) {
        RunbookDocument runbook = library.get(slug);
        Target target = Target.of(runbook);
        if (target.policy().tiers().isEmpty()) {
            throw new FirebreakException.BadInput(
                    "slug",
                    "runbook '" + runbook.slug() + "' has no escalation matrix (a table with Severity and"
                            + " Escalation Path columns)");
        }
        Optional<Link> link = links.lock(runbook.slug());
        Optional<StoredPolicy> current = find(target.policy().name());
        if (link.isEmpty()
                && current.isPresent()
                && !runbook.slug().equals(current.get().policy().runbookSlug())) {
            throw new FirebreakException.Conflict("policy '" + target.policy().name()
                    + "' exists and does not follow runbook '" + runbook.slug() + "'; rename or delete it first");
        }
        boolean detached = link.isPresent() && detached(link.get(), current);
        if (link.isPresent() && !detached && link.get().matrixHash().equals(target.hash())) {
            return new RunbookPolicy(current.orElseThrow(), null);
        }
        Kind kind = detached ? Kind.REATTACHED : current.isEmpty() ? Kind.CREATED : Kind.UPDATED;
        String cause = "created from runbook " + runbook.slug() + " v" + target.version() + " by an admin";
        return new RunbookPolicy(apply(target, current, kind, actor, cause), kind);
    }

    /** Saved by someone else since the last sync (another version), deleted, or no longer naming the runbook. */
    public static boolean detached(Link link, Optional<StoredPolicy> current) {
        return current.isEmpty()
                || current.get().version() != link.policyVersion()
                || !link.runbookSlug().equals(current.get().policy().runbookSlug());
    }

    private StoredPolicy apply(Target target, Optional<StoredPolicy> current, Kind kind, String actor, String cause) {
        EscalationPolicy wanted = target.policy();
        if (current.isPresent()) {
            // Repeats and the acknowledge timeout are not in a matrix: an admin's choice survives a sync.
            EscalationPolicy kept = current.get().policy();
            wanted = new EscalationPolicy(
                    wanted.name(),
                    wanted.description(),
                    kept.repeat(),
                    kept.ackTimeout(),
                    wanted.tiers(),
                    wanted.runbookSlug());
        }
        // Checked before the transactional save, whose rejection would mark this transaction rollback-only.
        validation.check(wanted);
        StoredPolicy stored = policies.save(wanted, "runbook " + wanted.runbookSlug() + " v" + target.version());
        Instant now = clock.instant();
        links.save(
                new Link(
                        wanted.runbookSlug(),
                        wanted.name(),
                        target.hash(),
                        target.summary(),
                        target.version(),
                        stored.version(),
                        null,
                        null),
                now);
        links.audit(new RunbookSync(
                wanted.name(),
                wanted.runbookSlug(),
                target.version(),
                kind,
                actor == null ? "unknown" : actor,
                cause,
                current.map(c -> PolicySummary.of(c.policy().tiers())).orElse(null),
                target.summary(),
                now));
        return stored;
    }

    private Optional<StoredPolicy> find(String name) {
        return policies.exists(name) ? Optional.of(policies.get(name)) : Optional.empty();
    }

    static Link withState(Link link, Integer pending, Instant deletedAt) {
        return new Link(
                link.runbookSlug(),
                link.policy(),
                link.matrixHash(),
                link.matrixSummary(),
                link.runbookVersion(),
                link.policyVersion(),
                pending,
                deletedAt);
    }

    /** The policy a runbook's current version asks for. */
    private record Target(EscalationPolicy policy, String summary, String hash, int version) {
        static Target of(RunbookDocument runbook) {
            EscalationPolicy policy = RunbookPolicies.fromMatrix(
                    runbook.slug(), runbook.model().title(), runbook.model().escalationMatrix());
            String summary = PolicySummary.of(policy.tiers());
            return new Target(
                    policy,
                    summary,
                    PolicySummary.hash(summary),
                    runbook.version().version());
        }
    }
}
