package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertMatcher;
import java.util.List;
import java.util.Set;

/**
 * Whether an alert is muted at notification time (as Alertmanager decides it): by a maintenance
 * window of the group's service, an active silence, or an inhibit rule with a firing source. Read
 * once per flush, so muting many groups costs no queries per alert.
 */
record Muting(List<InhibitRule> rules, List<Alert> firing, List<List<AlertMatcher>> silences, Set<String> maintenance) {

    boolean muted(Alert alert, String service) {
        return (service != null && maintenance.contains(service)) || silenced(alert) || inhibited(alert);
    }

    boolean silenced(Alert alert) {
        return silences.stream().anyMatch(matchers -> AlertMatcher.all(matchers, alert.labels()));
    }

    boolean inhibited(Alert target) {
        for (InhibitRule rule : rules) {
            for (Alert source : firing) {
                // An alert matching both sides never inhibits itself.
                if (!source.fingerprint().equals(target.fingerprint())
                        && rule.inhibits(source.labels(), target.labels())) {
                    return true;
                }
            }
        }
        return false;
    }
}
