package dev.firebreak.alert;

import java.util.List;
import java.util.Map;

/** Where a label set goes: one entry per matching route, with the group it would join. */
public record RouteMatch(
        String route,
        String path,
        String groupKey,
        Map<String, String> groupLabels,
        List<String> groupBy,
        String groupWait,
        String groupInterval,
        String repeatInterval,
        String service,
        String escalationPolicy,
        String severity,
        String runbook,
        boolean diagnostics) {}
