package dev.firebreak.runbook;

/** What a put did: the version now current, and whether it created, replaced or kept the runbook. */
public record RunbookRevision(RunbookVersion version, Outcome outcome) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
