package dev.firebreak.alert;

import java.util.List;

/**
 * Groups that fired in one flush, as one durable publication: a burst of new groups costs the
 * registry and its listeners one hand-off per batch rather than one per group. Each firing keeps
 * its own id and time, so a listener drops the ones it applied already.
 *
 * @param firings at least one, each group at most once
 */
public record AlertGroupsFiring(List<AlertGroupFiring> firings) {

    public AlertGroupsFiring {
        firings = List.copyOf(firings);
    }
}
