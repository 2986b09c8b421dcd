package dev.firebreak.analytics;

import dev.firebreak.alert.AlertStatistics;
import dev.firebreak.analytics.internal.AnalyticsProperties;
import dev.firebreak.analytics.internal.QueryTimers;
import dev.firebreak.analytics.internal.RangeParser;
import dev.firebreak.analytics.internal.RunbookTargets;
import dev.firebreak.incident.CycleDimension;
import dev.firebreak.incident.CycleFilter;
import dev.firebreak.incident.CycleOverview;
import dev.firebreak.incident.IncidentStatistics;
import dev.firebreak.notify.PageLoad;
import dev.firebreak.notify.PageStatistics;
import dev.firebreak.oncall.OwnedService;
import dev.firebreak.oncall.Services;
import dev.firebreak.oncall.Team;
import dev.firebreak.oncall.Teams;
import dev.firebreak.platform.FirebreakException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The analytics report: the incident, notify and alert features' numbers for one filter, put
 * together. Nothing here reads a table; each feature counts its own in SQL.
 */
@Service
public class Analytics {
    private static final List<String> BUILT_IN = List.of("P1", "P2", "P3", "P4");
    private final IncidentStatistics incidents;
    private final PageStatistics pages;
    private final AlertStatistics alerts;
    private final Services services;
    private final Teams teams;
    private final RunbookTargets runbookTargets;
    private final AnalyticsProperties properties;
    private final QueryTimers timers;
    private final Clock clock;

    Analytics(
            IncidentStatistics incidents,
            PageStatistics pages,
            AlertStatistics alerts,
            Services services,
            Teams teams,
            RunbookTargets runbookTargets,
            AnalyticsProperties properties,
            QueryTimers timers,
            Clock clock) {
        this.incidents = incidents;
        this.pages = pages;
        this.alerts = alerts;
        this.services = services;
        this.teams = teams;
        this.runbookTargets = runbookTargets;
        this.properties = properties;
        this.timers = timers;
        this.clock = clock;
    }

    /** A filter from request parameters; anything unknown or unreadable is a 400 that says which. */
    public AnalyticsFilter filter(String since, String until, String service, String severity, String team) {
        Instant now = clock.instant();
        Instant to = RangeParser.instant("until", until, now, now);
        // Both count back from now: since 30d until 7d is the three weeks before last week.
        Instant from = RangeParser.instant("since", since, now, to.minus(properties.defaultRange()));
        if (!from.isBefore(to)) {
            throw new FirebreakException.BadInput("since", "since must be before until");
        }
        if (Duration.between(from, to).compareTo(properties.maxRange()) > 0) {
            throw new FirebreakException.BadInput(
                    "since", "a report covers at most " + properties.maxRange().toDays() + " days");
        }
        String sev = blank(severity) ? null : severity.strip();
        if (sev != null && knownSeverities().stream().noneMatch(sev::equalsIgnoreCase)) {
            throw new FirebreakException.BadInput(
                    "severity", "unknown severity '" + sev + "'; known: " + String.join(", ", knownSeverities()));
        }
        String svc = blank(service) ? null : service.strip();
        if (svc != null
                && services.list().stream().noneMatch(s -> s.name().equals(svc))
                && !incidents.hasService(svc)) {
            throw new FirebreakException.BadInput("service", "unknown service '" + svc + "'");
        }
        String tm = blank(team) ? null : team.strip();
        if (tm != null && teams.list().stream().noneMatch(t -> t.name().equals(tm))) {
            throw new FirebreakException.BadInput("team", "unknown team '" + tm + "'");
        }
        return new AnalyticsFilter(from, to, blank(since) ? null : since.strip(), svc, sev, tm);
    }

    public AnalyticsReport report(AnalyticsFilter filter) {
        Map<String, String> teamOf = new HashMap<>();
        for (OwnedService s : services.list()) {
            if (s.team() != null) {
                teamOf.put(s.name(), s.team());
            }
        }
        CycleFilter cycles = new CycleFilter(
                filter.from(),
                filter.to(),
                serviceScope(filter, teamOf),
                filter.severity(),
                teamOf,
                runbookTargets.bySlug(),
                properties.repeatWindow(),
                clock.instant());
        Duration range = Duration.between(filter.from(), filter.to());
        Duration bucket = range.compareTo(Duration.ofDays(2)) <= 0 ? Duration.ofHours(1) : Duration.ofDays(1);
        boolean scoped = cycles.services() != null || cycles.severity() != null;
        List<Long> scope = scoped ? timers.time("incident-ids", () -> incidents.incidentIds(cycles)) : null;
        List<PageLoad> load =
                timers.time("pages", () -> pages.load(filter.from(), filter.to(), scope, properties.hours()));
        CycleOverview overview = timers.time("overview", () -> incidents.overview(cycles));
        return new AnalyticsReport(
                filter,
                clock.instant(),
                AnalyticsNumbers.of(overview.summary(), range),
                rows(overview, CycleDimension.SERVICE, range, k -> "/incidents?q=" + encode(k)),
                rows(overview, CycleDimension.SEVERITY, range, k -> "/incidents?severity=" + encode(k)),
                rows(overview, CycleDimension.TEAM, range, k -> AnalyticsLinks.withTeam(filter, k)),
                rows(overview, CycleDimension.RUNBOOK, range, k -> "/runbooks/" + encode(k)),
                bucket.toSeconds(),
                timers.time("trend", () -> incidents.trend(cycles, bucket)),
                timers.time("slowest", () -> incidents.slowest(cycles, properties.listLimit())),
                load.stream().mapToLong(PageLoad::pages).sum(),
                load.stream().mapToLong(PageLoad::outOfHours).sum(),
                properties.describe(),
                load,
                timers.time("noisiest", () -> alerts.noisiest(filter.from(), filter.to(), properties.listLimit())));
    }

    /** The services a filter covers: null for all, else the service and/or the team's services. */
    private List<String> serviceScope(AnalyticsFilter filter, Map<String, String> teamOf) {
        if (filter.team() == null) {
            return filter.service() == null ? null : List.of(filter.service());
        }
        List<String> owned = teams.get(filter.team()).services();
        return filter.service() == null
                ? owned
                : owned.stream().filter(filter.service()::equals).toList();
    }

    private static List<AnalyticsRow> rows(
            CycleOverview overview, CycleDimension dimension, Duration range, Function<String, String> link) {
        return overview.by(dimension).stream()
                .map(b -> new AnalyticsRow(
                        b.key(),
                        b.key() == null ? null : link.apply(b.key()),
                        AnalyticsNumbers.of(b.statistics(), range)))
                .toList();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The teams' names, for the filter form. */
    public List<String> teamNames() {
        return teams.list().stream().map(Team::name).sorted().toList();
    }

    public List<String> serviceNames() {
        return services.list().stream().map(OwnedService::name).sorted().toList();
    }

    /** The built-in levels and every level an incident has. */
    public List<String> knownSeverities() {
        java.util.TreeSet<String> known = new java.util.TreeSet<>(BUILT_IN);
        known.addAll(incidents.severities());
        return List.copyOf(known);
    }
}
