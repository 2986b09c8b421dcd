package dev.firebreak.execution;

import java.time.Instant;
import java.util.List;

/**
 * One step of a procedure as an incident's checklist item.
 *
 * @param index the step's place in its procedure, from 1
 * @param commands the refs of the runnable commands this step shows
 */
public record ChecklistStep(
        int index,
        String text,
        List<String> commands,
        State state,
        String reason,
        String assignee,
        String changedBy,
        Instant changedAt) {

    public enum State {
        OPEN,
        DONE,
        SKIPPED
    }
}
