package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.AlertMatcher;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Alertmanager's inhibit rule: a firing source alert mutes targets that agree on the equal labels. */
public record InhibitRule(List<AlertMatcher> sourceMatchers, List<AlertMatcher> targetMatchers, List<String> equal) {

    public boolean inhibits(Map<String, String> source, Map<String, String> target) {
        if (!AlertMatcher.all(sourceMatchers, source) || !AlertMatcher.all(targetMatchers, target)) {
            return false;
        }
        for (String label : equal) {
            if (!Objects.equals(source.getOrDefault(label, ""), target.getOrDefault(label, ""))) {
                return false;
            }
        }
        return true;
    }
}
