package dev.firebreak.analytics;

/** Links of the analytics page back to itself with one more filter, keeping the others. */
final class AnalyticsLinks {
    private AnalyticsLinks() {}

    static String withTeam(AnalyticsFilter filter, String team) {
        StringBuilder link = new StringBuilder("/analytics?team=").append(Analytics.encode(team));
        if (filter.since() != null) {
            link.append("&since=").append(Analytics.encode(filter.since()));
        }
        if (filter.severity() != null) {
            link.append("&severity=").append(Analytics.encode(filter.severity()));
        }
        return link.toString();
    }
}
