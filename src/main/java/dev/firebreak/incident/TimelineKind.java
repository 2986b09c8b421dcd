package dev.firebreak.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a timeline entry records; each kind has its own {@link TimelineDetail} record. */
public enum TimelineKind {
    ALERT(TimelineDetail.AlertSeen.class),
    STATE(TimelineDetail.StateChange.class),
    NOTE(TimelineDetail.Note.class),
    ROLE(TimelineDetail.RoleAssigned.class),
    SEVERITY(TimelineDetail.SeverityChange.class),
    RUNBOOK(TimelineDetail.RunbookAttached.class),
    ESCALATION(TimelineDetail.EscalationRequested.class),
    PAGED(TimelineDetail.Paged.class),
    STEP_SKIPPED(TimelineDetail.StepSkipped.class),
    ESCALATION_ENDED(TimelineDetail.EscalationEnded.class),
    COMMAND_REQUESTED(TimelineDetail.CommandRequested.class),
    COMMAND_APPROVED(TimelineDetail.CommandApproved.class),
    COMMAND_RAN(TimelineDetail.CommandRan.class),
    TRIAGE(TimelineDetail.TriageWalked.class),
    CHECKLIST(TimelineDetail.ChecklistChanged.class);

    private final Class<? extends TimelineDetail> detail;

    TimelineKind(Class<? extends TimelineDetail> detail) {
        this.detail = detail;
    }

    /** The record type of this kind's details. */
    public Class<? extends TimelineDetail> detail() {
        return detail;
    }

    /** The lower-case name, as stored, shown and sent in the API ("alert", "state"). */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TimelineKind of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The kind whose details this record is. */
    public static TimelineKind of(TimelineDetail detail) {
        for (TimelineKind kind : values()) {
            if (kind.detail.isInstance(detail)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(detail.getClass().getName());
    }
}
