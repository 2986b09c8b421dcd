package dev.firebreak.execution;

import dev.firebreak.execution.internal.AuditLog;
import dev.firebreak.execution.internal.ExecutionProperties;
import dev.firebreak.execution.internal.RunLane;
import dev.firebreak.execution.internal.RunStore;
import dev.firebreak.execution.internal.SwitchStore;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.scheduling.TaskLanes;
import dev.firebreak.runbook.RiskClass;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running runbook commands for an incident: dry run, request behind the step's gate, approval by a
 * second person, start of an approved run. A queued run is a task staged in the request's own
 * transaction and executed on the execution lane, never on a request thread.
 */
@Service
public class CommandRuns {
    static final String SYSTEM = "firebreak";
    private final RunStore runs;
    private final SwitchStore services;
    private final AuditLog audit;
    private final Incidents incidents;
    private final RunPlanner planner;
    private final TaskLanes lanes;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final SecretRedactor redactor;

    CommandRuns(
            RunStore runs,
            SwitchStore services,
            AuditLog audit,
            Incidents incidents,
            RunPlanner planner,
            TaskLanes lanes,
            ExecutionProperties properties,
            Clock clock) {
        this.runs = runs;
        this.services = services;
        this.audit = audit;
        this.incidents = incidents;
        this.planner = planner;
        this.lanes = lanes;
        this.properties = properties;
        this.clock = clock;
        this.redactor = new SecretRedactor(properties.redact());
    }

    /** The runnable commands of the incident's runbook, in document order. */
    public List<RunbookStep> steps(long incidentId) {
        return planner.steps(incidents.get(incidentId));
    }

    /** What running {@code step} would do now; nothing is stored. */
    public DryRun dryRun(long incidentId, String step, Map<String, String> typed, String actor) {
        planner.requireRunner(actor);
        return planner.plan(incidents.get(incidentId), step, typed);
    }

    /**
     * Asks to run {@code step}: a read-only one is queued, a mutating one only when {@code confirmed},
     * a destructive one waits for approval. {@code expectedHash} (a dry run's script hash, or a page's
     * step code hash) refuses a script that changed since it was shown.
     */
    @Transactional
    public CommandRun request(
            long incidentId,
            String step,
            Map<String, String> typed,
            String actor,
            boolean confirmed,
            String expectedHash) {
        planner.requireRunner(actor);
        return request(incidents.get(incidentId), step, typed, actor, confirmed, expectedHash, "PERSON");
    }

    /** A route's diagnostics: read-only steps only, run as the product, in the caller's transaction. */
    @Transactional
    public CommandRun diagnose(long incidentId, String step) {
        return request(incidents.get(incidentId), step, Map.of(), SYSTEM, false, null, "ROUTE");
    }

    private CommandRun request(
            Incident incident,
            String step,
            Map<String, String> typed,
            String actor,
            boolean confirmed,
            String expectedHash,
            String trigger) {
        if (incident.service() != null) {
            services.lock(incident.service()); // one decision at a time per service: the limits hold
        }
        DryRun plan = planner.plan(incident, step, typed);
        if (plan.blocked() != null) {
            throw new FirebreakException.Conflict(plan.blocked());
        }
        if (!plan.missing().isEmpty()) {
            throw new FirebreakException.BadInput(
                    "params",
                    "no value for " + String.join(", ", plan.missing()) + "; give "
                            + (plan.missing().size() == 1 ? "it" : "them") + " as a parameter (name=value)");
        }
        if (expectedHash != null
                && !expectedHash.isBlank()
                && !expectedHash.equals(plan.scriptHash())
                && !expectedHash.equals(plan.codeHash())) {
            throw new FirebreakException.Conflict("the command changed since the dry run (runbook " + plan.runbook()
                    + " is at version " + plan.runbookVersion() + "); look at it again before running it");
        }
        if ("ROUTE".equals(trigger) && plan.risk() != RiskClass.READ_ONLY) {
            throw new FirebreakException.Conflict("only read-only steps run by themselves; " + step + " is "
                    + plan.risk().name().toLowerCase().replace('_', '-'));
        }
        if (plan.gate() == Gate.CONFIRM && !confirmed) {
            throw new FirebreakException.BadInput(
                    "confirm",
                    step + " changes things (" + String.join("; ", plan.reasons())
                            + "): confirm to run it (--yes, or confirm: true)");
        }
        Instant now = clock.instant();
        planner.checkLimits(plan, now, trigger);
        boolean approval = plan.gate() == Gate.APPROVAL;
        Instant expires = approval ? now.plus(properties.approvalTtl()) : null;
        CommandRun draft = new CommandRun(
                0,
                incident.id(),
                plan.service(),
                plan.runbook(),
                plan.runbookVersion(),
                step,
                plan.script(),
                plan.environment(),
                plan.scriptHash(),
                plan.risk(),
                plan.reasons(),
                approval ? RunState.AWAITING_APPROVAL : RunState.QUEUED,
                trigger,
                actor,
                now,
                null,
                null,
                null,
                expires,
                approval ? null : actor,
                null,
                null,
                null,
                0,
                0,
                null,
                plan.runner(),
                null);
        long id = runs.insert(draft);
        // The audit keeps the script as shown, secrets hidden; the hash is of the one that runs.
        audit.append(
                now,
                actor,
                AuditAction.REQUESTED,
                id,
                incident.id(),
                plan.scriptHash() + " " + redactor.redact(plan.script()));
        incidents.record(
                incident.id(),
                actor,
                (approval ? "asked for approval to run " : "runs ") + step + " (" + riskWord(plan.risk()) + ")",
                new TimelineDetail.CommandRequested(id, step, plan.risk(), approval, trigger));
        if (approval) {
            RunLane.expire(lanes, id, expires);
        } else {
            RunLane.queue(lanes, id, now);
        }
        return get(id);
    }

    /** A second person approves a destructive run, with a reason; the approval is used once, in time. */
    @Transactional
    public CommandRun approve(long runId, String approver, String reason) {
        planner.requireRunner(approver);
        CommandRun run = runs.lock(runId).orElseThrow(() -> notFound(runId));
        Instant now = clock.instant();
        if (run.state() != RunState.AWAITING_APPROVAL) {
            throw new FirebreakException.Conflict(
                    "run " + runId + " is " + word(run.state()) + ", not awaiting approval");
        }
        if (run.approvalExpiresAt() != null && !now.isBefore(run.approvalExpiresAt())) {
            throw new FirebreakException.Conflict("the request for run " + runId + " expired; ask again");
        }
        if (approver.equals(run.requestedBy())) {
            throw new FirebreakException.Forbidden("you asked for run " + runId + "; a second person approves it");
        }
        if (reason == null || reason.isBlank()) {
            throw new FirebreakException.BadInput("reason", "an approval needs a reason");
        }
        String why = reason.strip();
        if (why.length() > 1000) {
            throw new FirebreakException.BadInput("reason", "reason must be at most 1000 characters");
        }
        Instant expires = now.plus(properties.approvalTtl());
        runs.approve(runId, approver, why, now, expires);
        audit.append(now, approver, AuditAction.APPROVED, runId, run.incidentId(), run.scriptHash() + " " + why);
        incidents.record(
                run.incidentId(),
                approver,
                "approved " + run.step() + " for " + run.requestedBy() + ": " + why,
                new TimelineDetail.CommandApproved(runId, run.step(), approver, why, expires));
        RunLane.expire(lanes, runId, expires);
        return get(runId);
    }

    /** Starts an approved run; the approval is then used and cannot start another. */
    @Transactional
    public CommandRun start(long runId, String actor) {
        planner.requireRunner(actor);
        CommandRun run = runs.lock(runId).orElseThrow(() -> notFound(runId));
        Instant now = clock.instant();
        if (run.state() == RunState.AWAITING_APPROVAL) {
            throw new FirebreakException.Conflict("run " + runId + " is not approved yet");
        }
        if (run.state() != RunState.APPROVED) {
            throw new FirebreakException.Conflict(
                    "the approval of run " + runId + " was used already (the run is " + word(run.state()) + ")");
        }
        if (!now.isBefore(run.approvalExpiresAt())) {
            throw new FirebreakException.Conflict("the approval of run " + runId + " expired; ask again");
        }
        if (run.service() != null) {
            services.lock(run.service());
        }
        planner.checkCooldownAtStart(run, now);
        runs.queue(runId, RunState.APPROVED, actor);
        audit.append(now, actor, AuditAction.STARTED, runId, run.incidentId(), run.scriptHash());
        RunLane.queue(lanes, runId, now);
        return get(runId);
    }

    public CommandRun get(long runId) {
        return runs.find(runId).orElseThrow(() -> notFound(runId));
    }

    public List<CommandRun> forIncident(long incidentId) {
        incidents.get(incidentId);
        return runs.forIncident(incidentId);
    }

    /** The kept output so far, in order. */
    public String output(long runId) {
        get(runId);
        return String.join("", runs.output(runId, 0));
    }

    static String riskWord(RiskClass risk) {
        return risk.name().toLowerCase().replace('_', '-');
    }

    static String word(RunState state) {
        return state.name().toLowerCase().replace('_', ' ');
    }

    private static FirebreakException notFound(long runId) {
        return new FirebreakException.NotFound("no run " + runId);
    }
}
