package dev.firebreak.postmortem;

import java.time.Instant;

/**
 * A follow-up of a postmortem.
 *
 * @param runbookSlug set for "update the runbook" items: a new version of it closes the item
 * @param runbookVersion the runbook's version when the item was made; a later one counts as the update
 */
public record ActionItem(
        long id,
        long postmortemId,
        long incidentId,
        String title,
        String owner,
        Instant dueAt,
        ActionItemStatus status,
        String runbookSlug,
        Integer runbookVersion,
        String createdBy,
        Instant createdAt,
        Instant closedAt,
        String closedBy) {

    public boolean overdue(Instant now) {
        return status == ActionItemStatus.OPEN && !now.isBefore(dueAt);
    }
}
