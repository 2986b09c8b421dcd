package dev.firebreak.web;

import dev.firebreak.incident.IncidentAlert;
import dev.firebreak.incident.IncidentDetails;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The incident page's reading of an incident: the timeline newest first with repeats folded
 * ("firing again ×12, last 03:14"), and each alert named by the labels that set it apart from the
 * incident's other alerts (instance, pod), not by the name they share.
 */
final class IncidentView {
    /** A timeline line; {@code count} > 1 when it stands for that many identical entries in a row. */
    record TimelineRow(TimelineEntry entry, int count, Instant first, String distinct) {
        public Instant last() {
            return entry.at();
        }
    }

    /**
     * Alerts that differ only in occurrence (fired, resolved, fired again) as one row: firing when
     * any of them fires, {@code since} the first start, {@code lastSeen} the latest.
     */
    record AlertRow(
            String name,
            boolean firing,
            int count,
            Instant since,
            Instant lastSeen,
            String summary,
            Map<String, String> labels) {}

    /** The alerts table: the labels and summary every alert shares said once, then a row per difference. */
    record AlertTable(Map<String, String> sharedLabels, String sharedSummary, List<AlertRow> rows, long firing) {}

    private IncidentView() {}

    static AlertTable alerts(List<IncidentAlert> alerts) {
        Map<String, String> shared = new java.util.TreeMap<>();
        if (alerts.size() > 1) {
            alerts.getFirst().labels().forEach((k, v) -> {
                if (alerts.stream().allMatch(a -> v.equals(a.labels().get(k)))) {
                    shared.put(k, v);
                }
            });
        }
        var summaries = alerts.stream()
                .map(a -> a.annotations().getOrDefault("summary", ""))
                .distinct()
                .toList();
        String sharedSummary = alerts.size() > 1 && summaries.size() == 1 ? summaries.getFirst() : null;
        Map<String, List<IncidentAlert>> groups = new java.util.LinkedHashMap<>();
        for (IncidentAlert a : alerts) {
            groups.computeIfAbsent(a.name() + "\u0000" + new java.util.TreeMap<>(a.labels()), k -> new ArrayList<>())
                    .add(a);
        }
        List<AlertRow> rows = groups.values().stream()
                .map(g -> {
                    IncidentAlert latest = g.stream()
                            .max(java.util.Comparator.comparing(IncidentAlert::lastSeenAt, nullsFirst()))
                            .orElseThrow();
                    return new AlertRow(
                            latest.name(),
                            g.stream().anyMatch(a -> a.status() == dev.firebreak.alert.AlertStatus.FIRING),
                            g.size(),
                            g.stream()
                                    .map(IncidentAlert::startsAt)
                                    .filter(Objects::nonNull)
                                    .min(Instant::compareTo)
                                    .orElse(null),
                            latest.lastSeenAt(),
                            sharedSummary == null ? latest.annotations().get("summary") : null,
                            without(latest.labels(), shared));
                })
                .sorted(java.util.Comparator.comparing((AlertRow r) -> !r.firing())
                        .thenComparing(AlertRow::lastSeen, nullsFirst().reversed()))
                .toList();
        return new AlertTable(
                shared,
                sharedSummary,
                rows,
                rows.stream().filter(AlertRow::firing).count());
    }

    private static java.util.Comparator<Instant> nullsFirst() {
        return java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
    }

    private static Map<String, String> without(Map<String, String> labels, Map<String, String> shared) {
        Map<String, String> out = new java.util.TreeMap<>(labels);
        out.keySet().removeAll(shared.keySet());
        return out;
    }

    static List<TimelineRow> timeline(IncidentDetails details) {
        Map<Long, String> distinct = distinct(details.alerts());
        return TimelineRun.fold(details.timeline(), e -> label(e, distinct)).stream()
                .map(run -> new TimelineRow(run.last(), run.count(), run.first().at(), label(run.first(), distinct)))
                .toList()
                .reversed();
    }

    /** For each alert, the labels whose values differ among the incident's alerts, as {@code k=v, ...}. */
    static Map<Long, String> distinct(List<IncidentAlert> alerts) {
        Map<Long, String> out = new HashMap<>();
        if (alerts.size() < 2) {
            return out;
        }
        TreeSet<String> keys = new TreeSet<>();
        for (IncidentAlert a : alerts) {
            keys.addAll(a.labels().keySet());
        }
        keys.removeIf(
                k -> alerts.stream().map(a -> a.labels().get(k)).distinct().count() < 2);
        for (IncidentAlert a : alerts) {
            List<String> parts = new ArrayList<>();
            for (String k : keys) {
                String v = a.labels().get(k);
                if (v != null && parts.size() < 3) {
                    parts.add(k + "=" + v);
                }
            }
            out.put(a.alertId(), String.join(", ", parts));
        }
        return out;
    }

    private static String label(TimelineEntry entry, Map<Long, String> distinct) {
        if (entry.detail() instanceof TimelineDetail.AlertSeen seen && seen.alertId() != null) {
            String d = distinct.get(seen.alertId());
            return d == null || d.isEmpty() ? null : d;
        }
        return null;
    }
}
