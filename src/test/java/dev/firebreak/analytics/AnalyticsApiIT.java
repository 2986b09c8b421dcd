package dev.firebreak.analytics;

import static dev.firebreak.analytics.AnalyticsFixture.NOW;
import static dev.firebreak.analytics.AnalyticsFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.oncall.Services;
import dev.firebreak.oncall.Teams;
import dev.firebreak.platform.security.Role;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.support.ServerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report over hand-computed fixtures, on H2 and PostgreSQL. The range is the 7 days before
 * Monday 2030-01-07 12:00 UTC; business hours are Berlin's (UTC+1 in January).
 *
 * <pre>
 * incident       service severity  cycle opened (UTC)     tta    ttr    ttd   target  repeat
 * I0 g2          A       P1        12-20 10:00 (before the range)
 * I5 g3          B       P1        12-05 08:00 (before the window of I3: 33 days)
 * I1 g1 runbook  A       P1 900s   1  01-04 10:00 Fri    300   1800   120    met    -
 *                                  2  01-05 02:00 Sat   1200   7200   600    missed group+runbook
 * I2 g2          A       P2 3600s  1  01-06 09:00 Sun    600   3000   -      met    group (I0)
 * I3 g3 runbook  B       P1 900s   1  01-07 08:00 Mon    -     2400   -      missed runbook (I1)
 * I4 g4          B       P2 3600s  1  01-07 11:30 open   -     -      -      running
 * </pre>
 *
 * Runbook resolution time 1 hour: I1/1 1800 within, I1/2 7200 not, I3 2400 within: 2 of 3.
 */
@Tag("database")
@TestPropertySource(properties = "firebreak.analytics.zone=Europe/Berlin")
class AnalyticsApiIT extends ServerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static AnalyticsFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Teams teams;

    @Autowired
    Services services;

    @Autowired
    RunbookLibrary library;

    String token;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        token = tokenFor(Role.VIEWER);
        if (fixture == null) {
            fixture = load();
        }
    }

    AnalyticsFixture load() {
        AnalyticsFixture f = new AnalyticsFixture(jdbc);
        teams.create(f.teamA, null);
        teams.create(f.teamB, null);
        services.create(f.svcA, null, f.teamA, null);
        services.create(f.svcB, null, f.teamB, null);
        library.put(
                f.runbook,
                f.runbook + ".md",
                ("# Disk\n## Disk Full\n### Symptoms\n- disk full\n### Mitigation\n- delete old logs\n"
                                + "### Resolution Time\n1 hour\n")
                        .getBytes(StandardCharsets.UTF_8),
                "test",
                "api");
        f.incident("g2", f.svcA, "P1", 900L, null, cycle("2029-12-20T10:00:00Z", null, "2029-12-20T11:00:00Z"));
        f.incident("g3", f.svcB, "P1", 900L, null, cycle("2029-12-05T08:00:00Z", null, "2029-12-05T09:00:00Z"));
        long i1 = f.incident(
                "g1",
                f.svcA,
                "P1",
                900L,
                f.runbook,
                cycle("2030-01-04T10:00:00Z", "2030-01-04T10:05:00Z", "2030-01-04T10:30:00Z"),
                cycle("2030-01-05T02:00:00Z", "2030-01-05T02:20:00Z", "2030-01-05T04:00:00Z"));
        f.alertOf(i1, at("2030-01-04T09:58:00Z"));
        f.alertOf(i1, at("2030-01-05T01:50:00Z"));
        long i2 = f.incident(
                "g2",
                f.svcA,
                "P2",
                3600L,
                null,
                cycle("2030-01-06T09:00:00Z", "2030-01-06T09:10:00Z", "2030-01-06T09:50:00Z"));
        long i3 = f.incident(
                "g3", f.svcB, "P1", 900L, f.runbook, cycle("2030-01-07T08:00:00Z", null, "2030-01-07T08:40:00Z"));
        long i4 = f.incident("g4", f.svcB, "P2", 3600L, null, cycle("2030-01-07T11:30:00Z", null, null));
        // Berlin time: Fri 11:01 in, Sat 03:01 out; Mon 09:01 and 12:31 in (both out of hours in UTC).
        f.page(f.alice, i1, at("2030-01-04T10:01:00Z"), 2);
        f.page(f.alice, i1, at("2030-01-05T02:01:00Z"), 1);
        f.page(f.alice, i1, at("2029-12-20T10:01:00Z"), 1);
        f.message("INCIDENT_UPDATE", f.alice, i1, null, at("2030-01-05T02:01:00Z"));
        f.page(f.bob, i3, at("2030-01-07T08:01:00Z"), 1);
        f.page(f.bob, i4, at("2030-01-07T11:31:00Z"), 1);
        long integration = f.integration();
        String disk = "DiskFull-" + f.id;
        f.firing(integration, "a" + f.id + "0000000", disk, at("2030-01-03T10:00:00Z"), 5);
        f.firing(integration, "a" + f.id + "0000000", disk, at("2030-01-04T10:00:00Z"), 1);
        f.firing(integration, "a" + f.id + "0000000", disk, at("2030-01-05T10:00:00Z"), 1);
        f.firing(integration, "b" + f.id + "0000000", f.formulaAlert, at("2030-01-05T10:00:00Z"), 1);
        f.firing(integration, "b" + f.id + "0000000", f.formulaAlert, at("2030-01-06T10:00:00Z"), 1);
        f.firing(integration, "c" + f.id + "0000000", "Old-" + f.id, at("2029-12-01T10:00:00Z"), 9);
        return f;
    }

    static Instant[] cycle(String opened, String acknowledged, String resolved) {
        return new Instant[] {
            at(opened), acknowledged == null ? null : at(acknowledged), resolved == null ? null : at(resolved)
        };
    }

    JsonNode report(String query) {
        HttpResponse<String> response = get("/api/v1/analytics?" + query, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode row(JsonNode rows, String key) {
        for (JsonNode row : rows) {
            if (key == null
                    ? row.get("key").isNull()
                    : key.equals(row.get("key").asString())) {
                return row.get("numbers");
            }
        }
        throw new AssertionError("no row " + key + " in " + rows);
    }

    @Test
    void everyNumberOfTheWeekAsWorkedOutByHand() {
        JsonNode r = report("since=7d");
        JsonNode s = r.get("summary");
        assertThat(r.get("filter").get("from").asString()).isEqualTo("2029-12-31T12:00:00Z");
        assertThat(s.get("cycles").asLong()).isEqualTo(5);
        assertThat(s.get("incidents").asLong()).isEqualTo(4);
        assertThat(s.get("perWeek").asDouble()).isEqualTo(5.0);
        assertThat(s.get("acknowledged").asLong()).isEqualTo(3);
        assertThat(s.get("mttaSeconds").asLong()).isEqualTo(700); // (300 + 1200 + 600) / 3
        assertThat(s.get("medianTtaSeconds").asLong()).isEqualTo(600);
        assertThat(s.get("resolved").asLong()).isEqualTo(4);
        assertThat(s.get("mttrSeconds").asLong()).isEqualTo(3600); // (1800 + 7200 + 3000 + 2400) / 4
        assertThat(s.get("medianTtrSeconds").asLong()).isEqualTo(2700); // (2400 + 3000) / 2
        assertThat(s.get("detected").asLong()).isEqualTo(2);
        assertThat(s.get("mttdSeconds").asLong()).isEqualTo(360); // (120 + 600) / 2
        assertThat(s.get("judged").asLong()).isEqualTo(4); // I4 is still inside its hour
        assertThat(s.get("withinTarget").asLong()).isEqualTo(2);
        assertThat(s.get("withinTargetShare").asDouble()).isEqualTo(0.5);
        assertThat(s.get("resolutionJudged").asLong()).isEqualTo(3);
        assertThat(s.get("withinResolution").asLong()).isEqualTo(2);
        assertThat(s.get("withinResolutionShare").asDouble()).isEqualTo(0.6667);
        assertThat(s.get("groupRepeats").asLong()).isEqualTo(2);
        assertThat(s.get("runbookRepeats").asLong()).isEqualTo(2);
        assertThat(s.get("repeats").asLong()).isEqualTo(3);
        assertThat(s.get("repeatRate").asDouble()).isEqualTo(0.6);
    }

    @Test
    void breakdownsByServiceSeverityTeamAndRunbook() {
        JsonNode r = report("since=7d");
        assertThat(r.get("services").get(0).get("key").asString()).isEqualTo(fixture.svcA);
        JsonNode a = row(r.get("services"), fixture.svcA);
        assertThat(a.get("cycles").asLong()).isEqualTo(3);
        assertThat(a.get("incidents").asLong()).isEqualTo(2);
        assertThat(a.get("mttaSeconds").asLong()).isEqualTo(700);
        assertThat(a.get("mttrSeconds").asLong()).isEqualTo(4000); // (1800 + 7200 + 3000) / 3
        assertThat(a.get("withinTargetShare").asDouble()).isEqualTo(0.6667);
        assertThat(a.get("repeatRate").asDouble()).isEqualTo(0.6667);
        JsonNode b = row(r.get("services"), fixture.svcB);
        assertThat(b.get("cycles").asLong()).isEqualTo(2);
        assertThat(b.get("mttaSeconds").isNull()).isTrue();
        assertThat(b.get("mttrSeconds").asLong()).isEqualTo(2400);
        assertThat(b.get("withinTargetShare").asDouble()).isEqualTo(0.0);
        assertThat(b.get("repeatRate").asDouble()).isEqualTo(0.5);
        assertThat(r.get("services").get(0).get("link").asString()).isEqualTo("/incidents?q=" + fixture.svcA);
        assertThat(row(r.get("severities"), "P1").get("cycles").asLong()).isEqualTo(3);
        assertThat(row(r.get("severities"), "P2").get("cycles").asLong()).isEqualTo(2);
        assertThat(row(r.get("teams"), fixture.teamA).get("cycles").asLong()).isEqualTo(3);
        assertThat(row(r.get("teams"), fixture.teamB).get("cycles").asLong()).isEqualTo(2);
        assertThat(row(r.get("runbooks"), fixture.runbook).get("cycles").asLong())
                .isEqualTo(3);
        assertThat(row(r.get("runbooks"), fixture.runbook)
                        .get("withinResolutionShare")
                        .asDouble())
                .isEqualTo(0.6667);
        assertThat(row(r.get("runbooks"), null).get("cycles").asLong()).isEqualTo(2);
        assertThat(r.get("slowest").get(0).get("ttrSeconds").asLong()).isEqualTo(7200);
        assertThat(r.get("slowest").get(0).get("cycle").asInt()).isEqualTo(2);
        long trendCycles = 0;
        for (JsonNode bucket : r.get("trend")) {
            trendCycles += bucket.get("cycles").asLong();
        }
        assertThat(trendCycles).isEqualTo(5);
        assertThat(r.get("bucketSeconds").asLong()).isEqualTo(86400);
    }

    @Test
    void filtersNarrowTheCyclesAndTheRepeatsWithThem() {
        JsonNode svc = report("since=7d&service=" + fixture.svcA).get("summary");
        assertThat(svc.get("cycles").asLong()).isEqualTo(3);
        assertThat(svc.get("repeats").asLong()).isEqualTo(2);
        JsonNode p1 = report("since=7d&severity=p1").get("summary");
        assertThat(p1.get("cycles").asLong()).isEqualTo(3);
        assertThat(p1.get("repeats").asLong()).isEqualTo(2);
        // Team B's I3 repeats team A's runbook: within the team's own incidents it is no repeat.
        JsonNode team = report("since=7d&team=" + fixture.teamB);
        assertThat(team.get("summary").get("cycles").asLong()).isEqualTo(2);
        assertThat(team.get("summary").get("repeats").asLong()).isZero();
        assertThat(team.get("pagesPerPerson")).hasSize(1);
        assertThat(team.get("pagesPerPerson").get(0).get("username").asString()).isEqualTo(fixture.bob);
        JsonNode day = report("since=1d").get("summary");
        assertThat(day.get("cycles").asLong()).isEqualTo(2); // I3 and I4
        assertThat(report("since=1d").get("bucketSeconds").asLong()).isEqualTo(3600);
    }

    @Test
    void pagesPerPersonCountPagesNotMessagesAndOutOfHoursInTheConfiguredZone() {
        JsonNode r = report("since=7d");
        assertThat(r.get("pages").asLong()).isEqualTo(4);
        assertThat(r.get("pagesOutOfHours").asLong()).isEqualTo(1);
        assertThat(r.get("businessHours").asString()).isEqualTo("Mon,Tue,Wed,Thu,Fri 09:00-18:00 Europe/Berlin");
        JsonNode people = r.get("pagesPerPerson");
        assertThat(people).hasSize(2);
        assertThat(people.get(0).get("username").asString()).isEqualTo(fixture.alice);
        assertThat(people.get(0).get("pages").asLong()).isEqualTo(2);
        assertThat(people.get(0).get("outOfHours").asLong()).isEqualTo(1);
        assertThat(people.get(0).get("incidents").asLong()).isEqualTo(1);
        assertThat(people.get(1).get("username").asString()).isEqualTo(fixture.bob);
        assertThat(people.get(1).get("pages").asLong()).isEqualTo(2);
        assertThat(people.get(1).get("outOfHours").asLong()).isZero();
        assertThat(people.get(1).get("incidents").asLong()).isEqualTo(2);
    }

    @Test
    void noisiestAlertsByFiringsInTheRange() {
        JsonNode noisy = report("since=7d").get("noisiestAlerts");
        assertThat(noisy).hasSize(2);
        assertThat(noisy.get(0).get("name").asString()).isEqualTo("DiskFull-" + fixture.id);
        assertThat(noisy.get(0).get("firings").asLong()).isEqualTo(3);
        assertThat(noisy.get(0).get("receives").asLong()).isEqualTo(7);
        assertThat(noisy.get(1).get("name").asString()).isEqualTo(fixture.formulaAlert);
        assertThat(noisy.get(1).get("firings").asLong()).isEqualTo(2);
    }

    @Test
    void badFiltersAreProblemsThatSayWhich() {
        assertProblem("since=abc", "since must be a span back from now such as 30d");
        assertProblem("since=7d&severity=P9", "unknown severity 'P9'");
        assertProblem("since=7d&team=nobody-" + fixture.id, "unknown team 'nobody-");
        assertProblem("since=7d&service=nothing-" + fixture.id, "unknown service 'nothing-");
        assertProblem("since=1d&until=2d", "since must be before until");
        assertProblem("since=9999d", "at most 400 days");
    }

    void assertProblem(String query, String detail) {
        HttpResponse<String> response = get("/api/v1/analytics?" + query, token);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains(detail);
    }

    @Test
    void csvExportDefusesFormulasAndCarriesTheSameNumbers() {
        HttpResponse<String> csv = get("/api/v1/analytics/csv?since=7d", token);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("table,key,cycles,incidents,per_week,");
        assertThat(csv.body()).contains("summary,all,5,4,5.0,3,700,600,4,3600,2700,2,360,0.5,0.6667,0.6");
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(csv.body()).doesNotContain("\n=HYPERLINK");
    }

    @Test
    void theCliReportsTheSameNumbersAsTextJsonAndCsv() {
        Cli json = cli("report", "--since", "7d", "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(JSON.readTree(json.out()).get("summary").get("mttrSeconds").asLong())
                .isEqualTo(3600);
        Cli text = cli("report", "--since", "7d", "--service", fixture.svcA);
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("cycles 3 (2 incidents", "repeat rate 67%", fixture.alice);
        Cli csv = cli("report", "--since", "7d", "--format", "csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        assertThat(csv.out()).contains("summary,all,5,4,");
        Cli bad = cli("report", "--since", "abc");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err().strip()).startsWith("firebreak: since must be").doesNotContain("\n");
        Cli format = cli("report", "--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err().strip()).isEqualTo("firebreak: --format must be text, json or csv, not 'xml'");
    }

    @Test
    void thePageDrawsChartsFromTheJarAndLinksToTheIncidents() {
        WebSession session = login("admin", "admin-password-for-tests");
        HttpResponse<String> page = getPage(session, "/analytics?since=7d");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"a-cycles\">5<", "/webjars/chart.js/dist/chart.umd.js", "/js/analytics.js")
                .contains("href=\"/incidents?q=" + fixture.svcA + "\"", "href=\"/incidents/")
                .doesNotContain("cdn.");
        HttpResponse<String> chart = get("/webjars/chart.js/dist/chart.umd.js", null);
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart");
        HttpResponse<String> export = getPage(session, "/analytics/export.csv?since=7d&team=" + fixture.teamA);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains("summary,all,3,2,");
        assertThat(getPage(session, "/analytics?since=nope").statusCode()).isEqualTo(400);
    }

    record Cli(int code, String out, String err) {}

    Cli cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", "http://127.0.0.1:" + port, "--token", token));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dev.firebreak.cli.FirebreakCli.run(
                all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }
}
