package dev.firebreak.alert.internal.store;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A firing alert's row as this node last committed it: enough to refresh the row without reading
 * it and to answer with the alert as the read path would. {@code receiveCount} doubles as the row's
 * version: every write to a firing alert raises it, so an equal count means nobody else wrote since.
 *
 * @param contentHash {@code Fingerprints.content} of the stored labels, annotations and generator URL
 */
record KnownAlert(
        long id,
        long integrationId,
        String dedupKey,
        Instant startsAt,
        Instant firstReceivedAt,
        int receiveCount,
        long contentHash) {

    /** Times cut to milliseconds, as the database keeps them and the read path returns them. */
    static KnownAlert of(Alert alert, long contentHash) {
        return new KnownAlert(
                alert.id(),
                alert.integrationId(),
                alert.dedupKey(),
                alert.startsAt().truncatedTo(ChronoUnit.MILLIS),
                alert.firstReceivedAt().truncatedTo(ChronoUnit.MILLIS),
                alert.receiveCount(),
                contentHash);
    }

    KnownAlert refreshed(long newContentHash) {
        return new KnownAlert(id, integrationId, dedupKey, startsAt, firstReceivedAt, receiveCount + 1, newContentHash);
    }

    /** The alert after refresh {@code w}: its identity and history, the write's content and timing. */
    Alert alert(AlertWrite w, Instant now) {
        return new Alert(
                id,
                w.fingerprint(),
                integrationId,
                dedupKey,
                w.labels(),
                w.annotations(),
                AlertStatus.FIRING,
                startsAt,
                w.endsAt(),
                w.generatorUrl(),
                receiveCount,
                firstReceivedAt,
                now);
    }
}
