package dev.firebreak.incident.internal;

import static dev.firebreak.incident.internal.IncidentLifecycle.SYSTEM;

import dev.firebreak.alert.Alert;
import dev.firebreak.alert.AlertGroup;
import dev.firebreak.alert.AlertGroupFiring;
import dev.firebreak.alert.AlertStatus;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentChanged;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineDetail.StateChange.Cause;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What a group firing does to incidents: open one, add the group's alerts to it, or reopen it. */
@Component
class IncidentOpening {
    private final IncidentStore store;
    private final AppliedGroupEvents applied;
    private final RunbookMatcher runbooks;
    private final IncidentProperties properties;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    IncidentOpening(
            IncidentStore store,
            AppliedGroupEvents applied,
            RunbookMatcher runbooks,
            IncidentProperties properties,
            ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.store = store;
        this.applied = applied;
        this.runbooks = runbooks;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies the firing inside the caller's transaction; the incident's id, or null when dropped.
     * An incident it opened or reopened is added to {@code opened}, for the caller's {@code
     * IncidentsOpened}.
     */
    Long apply(AlertGroupFiring event, List<IncidentOpened> opened) {
        AlertGroup group = event.group();
        Instant now = clock.instant();
        if (!applied.claim(event.id(), now)) {
            return null; // a second delivery of a firing already applied
        }
        Optional<Incident> latest = store.latestForGroup(group.groupKey());
        if (latest.isPresent()) {
            Optional<Instant> seen = applied.at(latest.get().id());
            if (seen.isPresent() && event.at().isBefore(seen.get())) {
                return null; // a late delivery, overtaken by a newer event of the group
            }
        }
        long id;
        if (latest.isPresent() && latest.get().state() != IncidentState.RESOLVED) {
            id = latest.get().id();
            addAlerts(id, group.alerts(), now);
        } else if (latest.isPresent()
                && latest.get().resolvedAt().plus(properties.reopenWindow()).isAfter(now)
                && store.reopen(latest.get().id(), now)) {
            Incident incident = latest.get();
            id = incident.id();
            store.addTimeline(
                    id,
                    now,
                    SYSTEM,
                    "reopened: the group fired again within "
                            + properties.reopenWindow().toMinutes() + " minutes of being resolved",
                    new TimelineDetail.StateChange(
                            IncidentState.RESOLVED,
                            IncidentState.TRIGGERED,
                            incident.reopenCount() + 2,
                            Cause.REOPENED));
            addAlerts(id, group.alerts(), now);
            opened.add(published(
                    new IncidentOpened(id, incident.title(), incident.severity().name(), true)));
        } else {
            IncidentOpened fresh = open(group, now, event.at());
            opened.add(fresh);
            id = fresh.incidentId();
        }
        applied.record(id, event.at());
        events.publishEvent(new IncidentChanged(id));
        return id;
    }

    private IncidentOpened open(AlertGroup group, Instant now, Instant eventAt) {
        RunbookMatcher.Match runbook = runbooks.match(group);
        SeverityScheme scheme = runbooks.scheme(runbook == null ? null : runbook.slug());
        String source = severitySource(group, scheme);
        Severity severity = scheme.map(source);
        String title = title(group);
        long id = store.insert(
                group.groupKey(),
                title,
                group.route(),
                service(group),
                group.escalationPolicy(),
                severity,
                runbook == null ? null : runbook.slug(),
                now,
                eventAt);
        store.addTimeline(
                id,
                now,
                SYSTEM,
                "opened for alert group " + group.groupKey(),
                new TimelineDetail.StateChange(null, IncidentState.TRIGGERED, 1, Cause.OPENED));
        addAlerts(id, group.alerts(), now);
        if (runbook != null) {
            store.addTimeline(
                    id,
                    now,
                    SYSTEM,
                    "attached runbook " + runbook.title() + " (" + runbook.reason() + ")",
                    new TimelineDetail.RunbookAttached(runbook.slug(), runbook.title(), runbook.reason()));
        }
        store.addTimeline(
                id,
                now,
                SYSTEM,
                "severity " + severity.name()
                        + (severity.label() == null ? "" : " " + severity.label())
                        + (source == null ? " (no severity given)" : " (from " + source + ")")
                        + (scheme.builtIn() ? " on the built-in scheme" : " on the runbook's scheme"),
                new TimelineDetail.SeverityChange(null, severity.name(), source));
        return published(new IncidentOpened(id, title, severity.name(), false));
    }

    /** Plain listeners (notify) take each opening in this transaction; escalation takes the batch after. */
    private IncidentOpened published(IncidentOpened event) {
        events.publishEvent(event);
        return event;
    }

    private void addAlerts(long id, List<Alert> alerts, Instant now) {
        for (Alert alert : alerts == null ? List.<Alert>of() : alerts) {
            if (store.putAlert(id, alert, now)) {
                String summary =
                        alert.annotations() == null ? null : alert.annotations().get("summary");
                store.addTimeline(
                        id,
                        now,
                        SYSTEM,
                        "alert " + alert.name() + " " + alert.status().name().toLowerCase()
                                + (summary == null ? "" : ": " + summary),
                        new TimelineDetail.AlertSeen(alert.id(), alert.fingerprint(), alert.name(), alert.status()));
            }
        }
    }

    /** The route's severity, else the most severe {@code severity} (or {@code priority}) label. */
    static String severitySource(AlertGroup group, SeverityScheme scheme) {
        if (group.severity() != null && !group.severity().isBlank()) {
            return group.severity();
        }
        String best = null;
        for (Alert alert : group.alerts() == null ? List.<Alert>of() : group.alerts()) {
            String value =
                    alert.labels().getOrDefault("severity", alert.labels().get("priority"));
            if (value != null && !value.isBlank() && (best == null || scheme.rank(value) < scheme.rank(best))) {
                best = value;
            }
        }
        return best;
    }

    /** The route's service, else the {@code service} label its alerts share (the demo's, most exporters'). */
    static String service(AlertGroup group) {
        if (group.service() != null && !group.service().isBlank()) {
            return group.service();
        }
        List<Alert> alerts = group.alerts() == null ? List.of() : group.alerts();
        List<String> labelled = alerts.stream()
                .map(a -> a.labels() == null ? null : a.labels().get("service"))
                .filter(v -> v != null && !v.isBlank())
                .distinct()
                .toList();
        return labelled.size() == 1 && labelled.getFirst().length() <= 500 ? labelled.getFirst() : null;
    }

    private static String title(AlertGroup group) {
        List<Alert> alerts = group.alerts() == null ? List.of() : group.alerts();
        if (alerts.isEmpty()) {
            return group.groupKey();
        }
        Alert first = alerts.stream()
                .filter(a -> a.status() == AlertStatus.FIRING)
                .findFirst()
                .orElse(alerts.getFirst());
        String summary =
                first.annotations() == null ? null : first.annotations().get("summary");
        String title = summary != null && !summary.isBlank() ? summary : first.name();
        long others = alerts.stream().map(Alert::name).distinct().count() - 1;
        return others > 0 ? title + " (+" + others + " more)" : title;
    }
}
