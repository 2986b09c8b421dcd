package dev.firebreak.incident;

import dev.firebreak.alert.AlertStatus;

/** Typed details of a timeline entry, one record per {@link TimelineKind}; postmortems and analytics read them. */
public sealed interface TimelineDetail {

    /** An alert joined the incident, fired again or resolved. */
    record AlertSeen(Long alertId, String fingerprint, String name, AlertStatus status) implements TimelineDetail {}

    /** The incident moved from one state to another (from is null when it opened), in this cycle. */
    record StateChange(IncidentState from, IncidentState to, int cycle, Cause cause) implements TimelineDetail {
        /** Why the state changed. */
        public enum Cause {
            OPENED,
            REOPENED,
            ACKNOWLEDGED,
            ACKNOWLEDGED_BY_SENDER,
            RESOLVED,
            AUTO_RESOLVED,
            /** Acknowledged but left alone past the escalation policy's ack timeout: triggered again. */
            ACK_TIMEOUT
        }
    }

    /** A person's note; the text is the entry's text. */
    record Note() implements TimelineDetail {}

    record RoleAssigned(IncidentRole role, String username) implements TimelineDetail {}

    /**
     * @param from the severity before, or null when the incident opened with this one
     * @param source what the level was mapped from (a route or label value), or null
     */
    record SeverityChange(String from, String to, String source) implements TimelineDetail {}

    /** @param reason why the runbook was chosen (the match, a person, a route) */
    record RunbookAttached(String slug, String title, String reason) implements TimelineDetail {}

    record EscalationRequested(String reason) implements TimelineDetail {}

    /**
     * The escalation policy paged people.
     *
     * @param step the step's index in its tier, from 0
     * @param loop 0 the first time through the steps, one more per repeat
     * @param targets the step's targets that found somebody, e.g. {@code schedule:primary}
     * @param reason why: {@code STEP}, {@code ESCALATE_NOW}, {@code ACK_TIMEOUT} or {@code REPEAT}
     */
    record Paged(
            String policy,
            int step,
            int loop,
            java.util.List<String> users,
            java.util.List<String> targets,
            String reason)
            implements TimelineDetail {}

    /** A step found nobody to page (nobody on call, a role with no mapping) and was passed at once. */
    record StepSkipped(String policy, int step, int loop, String reason) implements TimelineDetail {}

    /** Escalation stopped paging this cycle without an acknowledge. */
    record EscalationEnded(String policy, Why why) implements TimelineDetail {
        public enum Why {
            /** Neither the route nor the service names a policy (or the one named does not exist). */
            NO_POLICY,
            /** Every step and repeat paged and nobody acknowledged. */
            EXHAUSTED,
            /** No step of the policy found anybody to page. */
            NOBODY_ON_CALL,
            /** The policy was deleted while the incident escalated. */
            POLICY_DELETED
        }
    }

    /**
     * A runbook command was asked to run: queued at once, or waiting for a second person's approval.
     *
     * @param step the command's reference in its runbook, e.g. {@code schema-issues.2}
     * @param trigger {@code PERSON} or {@code ROUTE} (diagnostics when the incident opened)
     */
    record CommandRequested(
            long runId, String step, dev.firebreak.runbook.RiskClass risk, boolean awaitingApproval, String trigger)
            implements TimelineDetail {}

    /** A second person approved a destructive command; the approval is used by one run before it expires. */
    record CommandApproved(long runId, String step, String approver, String reason, java.time.Instant expiresAt)
            implements TimelineDetail {}

    /** A command ran (or could not): its exit code, time and the start of its output (the run has the rest). */
    record CommandRan(
            long runId,
            String step,
            dev.firebreak.runbook.RiskClass risk,
            Outcome outcome,
            Integer exitCode,
            Long durationMillis,
            long droppedBytes,
            String excerpt)
            implements TimelineDetail {
        /** The first this many characters of the output ride on the timeline; the run keeps it all. */
        public static final int EXCERPT = 2000;

        public enum Outcome {
            SUCCEEDED,
            FAILED,
            TIMED_OUT,
            /** The node running it stopped; the command is never started again by itself. */
            INTERRUPTED,
            COULD_NOT_START,
            /** An approval nobody used before it expired. */
            EXPIRED
        }
    }

    /** A responder walked a runbook's decision tree: the answers in order and where they led. */
    record TriageWalked(String runbook, java.util.List<String> path, String target) implements TimelineDetail {}

    /** A step of a procedure's checklist was done, skipped (with a reason), assigned or opened again. */
    record ChecklistChanged(String procedure, int step, String stepText, Change change, String reason, String assignee)
            implements TimelineDetail {
        public enum Change {
            DONE,
            SKIPPED,
            ASSIGNED,
            REOPENED
        }
    }
}
