package dev.firebreak.alert;

import java.util.List;
import java.util.Map;

/**
 * Alerts that a route groups together (by its group_by labels), with what the route decided:
 * the service, escalation policy, severity and runbook an incident for them should get.
 *
 * @param groupKey stable key of the group: route path plus the group_by label values
 * @param route the matched route's name (Alertmanager's receiver)
 * @param severity the route's severity, or null to derive it from the alerts' labels
 * @param runbook slug of the runbook the route names, or null to search for one
 */
public record AlertGroup(
        String groupKey,
        String route,
        Map<String, String> groupLabels,
        String service,
        String escalationPolicy,
        String severity,
        String runbook,
        List<Alert> alerts) {}
