package dev.firebreak.alert;

import java.time.Instant;
import java.util.List;

/**
 * A firing alert as Alertmanager's API v2 shows it: the receivers (routes) it goes to and what
 * mutes it now.
 *
 * @param endsAt the sender's endsAt, or when the alert resolves unless refreshed (last receipt plus
 *     the resolve timeout), as Alertmanager reports an alert sent without one
 * @param silencedBy ids of the active silences that match it
 * @param inhibitedBy fingerprints of the firing alerts that inhibit it
 * @param maintenance services of its routes in a maintenance window, when every route's is
 */
public record AlertState(
        Alert alert,
        Instant endsAt,
        List<String> receivers,
        List<Long> silencedBy,
        List<String> inhibitedBy,
        List<String> maintenance) {

    public enum State {
        ACTIVE,
        SUPPRESSED,
        UNPROCESSED
    }

    /** Firebreak routes an alert when it is received, so none is ever unprocessed. */
    public State state() {
        return silencedBy.isEmpty() && inhibitedBy.isEmpty() && maintenance.isEmpty() ? State.ACTIVE : State.SUPPRESSED;
    }

    public boolean silenced() {
        return !silencedBy.isEmpty();
    }

    public boolean inhibited() {
        return !inhibitedBy.isEmpty();
    }
}
