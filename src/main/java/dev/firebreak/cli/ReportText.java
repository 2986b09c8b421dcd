package dev.firebreak.cli;

import java.io.PrintWriter;
import tools.jackson.databind.JsonNode;

/** The report as a terminal shows it: the summary, then one table per breakdown. */
final class ReportText {
    private ReportText() {}

    static void print(PrintWriter out, JsonNode report) {
        JsonNode filter = report.get("filter");
        out.println("from " + filter.get("from").asString() + " to "
                + filter.get("to").asString());
        JsonNode s = report.get("summary");
        out.printf(
                "cycles %d (%d incidents, %s a week)%n",
                s.get("cycles").asLong(),
                s.get("incidents").asLong(),
                s.get("perWeek").asString());
        out.printf(
                "time to acknowledge  mean %s  median %s  (%d cycles)%n",
                time(s.get("mttaSeconds")),
                time(s.get("medianTtaSeconds")),
                s.get("acknowledged").asLong());
        out.printf(
                "time to resolve      mean %s  median %s  (%d cycles)%n",
                time(s.get("mttrSeconds")),
                time(s.get("medianTtrSeconds")),
                s.get("resolved").asLong());
        out.printf(
                "time to detect       mean %s  (%d cycles)%n",
                time(s.get("mttdSeconds")), s.get("detected").asLong());
        out.printf(
                "within response target %s (%d of %d)%n",
                share(s.get("withinTargetShare")),
                s.get("withinTarget").asLong(),
                s.get("judged").asLong());
        out.printf(
                "within runbook's resolution time %s (%d of %d)%n",
                share(s.get("withinResolutionShare")),
                s.get("withinResolution").asLong(),
                s.get("resolutionJudged").asLong());
        out.printf(
                "repeat rate %s (%d cycles)%n",
                share(s.get("repeatRate")), s.get("repeats").asLong());
        out.printf(
                "pages %d, out of hours %d (%s)%n",
                report.get("pages").asLong(),
                report.get("pagesOutOfHours").asLong(),
                report.get("businessHours").asString());
        for (String table : new String[] {"services", "severities", "teams", "runbooks"}) {
            out.println();
            out.printf("%-30s %7s %10s %10s %8s %8s%n", table, "cycles", "mtta", "mttr", "target", "repeat");
            for (JsonNode row : report.get(table)) {
                JsonNode n = row.get("numbers");
                out.printf(
                        "%-30s %7d %10s %10s %8s %8s%n",
                        row.get("key").isNull() ? "(none)" : row.get("key").asString(),
                        n.get("cycles").asLong(),
                        time(n.get("mttaSeconds")),
                        time(n.get("mttrSeconds")),
                        share(n.get("withinTargetShare")),
                        share(n.get("repeatRate")));
            }
        }
        out.println();
        out.printf("%-30s %7s %12s%n", "person", "pages", "out of hours");
        for (JsonNode p : report.get("pagesPerPerson")) {
            out.printf(
                    "%-30s %7d %12d%n",
                    p.get("username").asString(),
                    p.get("pages").asLong(),
                    p.get("outOfHours").asLong());
        }
        out.println();
        out.printf("%-40s %8s %10s%n", "noisiest alert", "firings", "deliveries");
        for (JsonNode a : report.get("noisiestAlerts")) {
            out.printf(
                    "%-40s %8d %10d%n",
                    a.get("name").asString(),
                    a.get("firings").asLong(),
                    a.get("receives").asLong());
        }
    }

    static String time(JsonNode seconds) {
        if (seconds == null || seconds.isNull()) {
            return "-";
        }
        long s = seconds.asLong();
        return s < 3600
                ? (s / 60) + "m" + String.format("%02ds", s % 60)
                : (s / 3600) + "h" + String.format("%02dm", (s % 3600) / 60);
    }

    static String share(JsonNode share) {
        return share == null || share.isNull() ? "-" : Math.round(share.asDouble() * 100) + "%";
    }
}
