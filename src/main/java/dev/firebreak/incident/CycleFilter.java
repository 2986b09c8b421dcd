package dev.firebreak.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which incident cycles a statistic counts, and what it judges them by. A cycle belongs to the range
 * when it opened in {@code [from, to)}.
 *
 * @param services only incidents of these services; null for all, empty for none
 * @param severity only incidents of this severity (case-insensitive); null for all
 * @param teams the team owning each service, for the team breakdown (services not in it have none)
 * @param resolutionTargets each runbook's resolution time in seconds, by slug
 * @param repeatWindow a cycle repeats when the same group or runbook opened a cycle this long before
 * @param now open cycles older than a target at this instant have missed it
 */
public record CycleFilter(
        Instant from,
        Instant to,
        List<String> services,
        String severity,
        Map<String, String> teams,
        Map<String, Long> resolutionTargets,
        Duration repeatWindow,
        Instant now) {
    public CycleFilter {
        services = services == null ? null : List.copyOf(services);
        teams = teams == null ? Map.of() : Map.copyOf(teams);
        resolutionTargets = resolutionTargets == null ? Map.of() : Map.copyOf(resolutionTargets);
    }
}
