package dev.firebreak.web;

import java.util.ArrayList;
import java.util.List;

/** Every page of the web UI for a fixture's runbook, incidents and postmortem: one list for the page-wide checks. */
final class EveryPage {
    private EveryPage() {}

    static List<String> paths(
            String runbook, long resolvedIncident, long openIncident, long postmortem, String... more) {
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/incidents",
                "/incidents?state=all",
                "/incidents/" + resolvedIncident,
                "/incidents/" + openIncident,
                "/alerts",
                "/oncall",
                "/escalation",
                "/teams",
                "/runbooks",
                "/runbooks/" + runbook,
                "/runbooks/" + runbook + "/history",
                "/postmortems",
                "/postmortems/" + postmortem,
                "/analytics",
                "/status-page",
                "/settings",
                "/account",
                "/admin/users",
                "/search?q=checkout",
                "/services",
                "/silences",
                "/settings/channels",
                "/settings/git-sources",
                "/settings/heartbeats",
                "/settings/integrations",
                "/settings/routing"));
        pages.addAll(List.of(more));
        return List.copyOf(pages);
    }
}
