package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.MaintenanceWindows;
import dev.firebreak.alert.Silences;
import java.util.List;

/**
 * Whether an alert is muted at notification time (as Alertmanager decides it): by a maintenance
 * window of the group's service, an active silence, or an inhibit rule with a firing source.
 */
record Muting(List<InhibitRule> rules, List<Alert> firing, Silences silences, MaintenanceWindows maintenance) {

    boolean muted(Alert alert, String service) {
        return maintenance.inMaintenance(service) || silences.silenced(alert.labels()) || inhibited(alert);
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
