package dev.firebreak.postmortem;

/** An action item is open until done or dropped. */
public enum ActionItemStatus {
    OPEN,
    DONE,
    CANCELLED
}
