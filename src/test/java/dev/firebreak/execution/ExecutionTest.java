package dev.firebreak.execution;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.support.ServerTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The server with what the execution tests share: a runbook stored, an incident of a service opened on it. */
abstract class ExecutionTest extends ServerTest {
    @Autowired
    protected Incidents incidents;

    @Autowired
    protected RunbookLibrary library;

    @Autowired
    protected ExecutionSwitches switches;

    @Autowired
    protected CommandRuns runs;

    @Autowired
    protected JdbcClient jdbc;

    protected void store(String slug, String markdown) {
        library.put(slug, slug + ".md", markdown.getBytes(StandardCharsets.UTF_8), "test", "api");
    }

    /** Opens an incident of {@code service} with runbook {@code slug}, its alert named after the service. */
    protected long incident(String service, String slug, Map<String, String> labels) {
        // Made-up words in the summary: the runbook is the route's, not one another test stored.
        return incident(service, slug, labels, "zqxv " + service);
    }

    protected long incident(String service, String slug, Map<String, String> labels, String summary) {
        String key = AlertGroups.key();
        var alert = AlertGroups.alert("Exec" + service, labels, clock.instant(), summary);
        alertGroups().fire(new AlertGroup(key, "default", Map.of(), service, null, null, slug, List.of(alert)));
        return incidents.list(new IncidentQuery(null, null, key, 5)).getFirst().id();
    }
}
