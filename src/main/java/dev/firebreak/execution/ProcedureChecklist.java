package dev.firebreak.execution;

import java.util.List;

/** A procedure of the incident's runbook as a checklist: its steps in order with their state. */
public record ProcedureChecklist(String anchor, String title, List<String> symptoms, List<ChecklistStep> steps) {

    public long finished() {
        return steps.stream().filter(s -> s.state() != ChecklistStep.State.OPEN).count();
    }

    public boolean touched() {
        return steps.stream().anyMatch(s -> s.changedAt() != null);
    }
}
