package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.Alert;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Group labels and keys as Alertmanager forms them: the route, then the sorted group_by labels. */
public final class GroupKeys {
    private GroupKeys() {}

    /**
     * The group an alert joins on a route: an alert with a dedup key (PagerDuty Events v2) is a
     * group of its own unless the route sets group_dedup_keys, as PagerDuty opens one incident per
     * dedup_key; any other alert groups by the route's group_by labels.
     */
    public static Map<String, String> groupLabels(Route route, Alert alert) {
        if (keyed(route, alert.dedupKey())) {
            return new TreeMap<>(
                    Map.of("dedup_key", alert.dedupKey(), "integration", Long.toString(alert.integrationId())));
        }
        return groupLabels(route, alert.labels());
    }

    /** Whether an alert with this dedup key (or null) is its own group on the route. */
    public static boolean keyed(Route route, String dedupKey) {
        return dedupKey != null && !route.groupDedupKeys();
    }

    /** A keyed alert's group fires at once; any other waits the route's group_wait. */
    public static Duration groupWait(Route route, String dedupKey) {
        return keyed(route, dedupKey) ? Duration.ZERO : route.groupWait();
    }

    /** The alert's values of the route's group_by labels (only those it has); all labels for '...'. */
    public static Map<String, String> groupLabels(Route route, Map<String, String> labels) {
        TreeMap<String, String> group = new TreeMap<>();
        if (route.groupBy() == null) {
            group.putAll(labels);
        } else {
            for (String label : route.groupBy()) {
                if (labels.containsKey(label)) {
                    group.put(label, labels.get(label));
                }
            }
        }
        return group;
    }

    /** Very long keys (group_by '...' on big label sets) become a hash so they fit the column. */
    public static String key(Route route, Map<String, String> groupLabels) {
        String key = plainKey(route, groupLabels);
        if (key.length() <= 1500) {
            return key;
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return route.path() + ":sha256:" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainKey(Route route, Map<String, String> groupLabels) {
        return route.path() + ":{"
                + new TreeMap<>(groupLabels)
                        .entrySet().stream()
                                .map(e -> e.getKey() + "=\""
                                        + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                                .collect(Collectors.joining(","))
                + "}";
    }

    /** 30s, 5m, 4h, 1h30m: how the YAML writes durations. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long s = duration.toSeconds();
        if (s / 86400 > 0) out.append(s / 86400).append('d');
        if (s % 86400 / 3600 > 0) out.append(s % 86400 / 3600).append('h');
        if (s % 3600 / 60 > 0) out.append(s % 3600 / 60).append('m');
        if (s % 60 > 0) out.append(s % 60).append('s');
        if (duration.toMillisPart() > 0) out.append(duration.toMillisPart()).append("ms");
        return out.toString();
    }
}
