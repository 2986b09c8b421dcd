package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import dev.firebreak.runbook.RunbookLibrary;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** The public page, its Statuspage.io-shaped JSON and feed, the admin API's guards, and bad input. */
@Tag("database")
class StatusPageApiIT extends StatusPageTest {
    static final List<String> JSON_FILES = List.of(
            "status.json",
            "summary.json",
            "components.json",
            "incidents.json",
            "incidents/unresolved.json",
            "scheduled-maintenances.json",
            "scheduled-maintenances/upcoming.json",
            "scheduled-maintenances/active.json");

    @Autowired
    Incidents incidents;

    @Autowired
    RunbookLibrary library;

    @Test
    void indicatorFollowsTheWorstUnresolvedImpact() {
        JsonNode status = publicJson("status.json");
        assertThat(status.get("page").get("name").asString()).isEqualTo("Acme Payments");
        assertThat(status.get("page").get("url").asString()).isEqualTo("http://firebreak.test/status/" + slug);
        assertThat(status.get("page").get("time_zone").asString()).isEqualTo("Etc/UTC");
        assertThat(status.get("page").get("id").asString()).matches("[a-z0-9]{12}");
        assertThat(status.get("page").get("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(status.get("status").get("indicator").asString()).isEqualTo("none");
        assertThat(status.get("status").get("description").asString()).isEqualTo("All Systems Operational");

        String minor = open("Slow dashboard", "minor", "{\"component\":\"Dashboard\"}");
        assertThat(publicJson("status.json").get("status").get("indicator").asString())
                .isEqualTo("minor");
        assertThat(update(
                                minor,
                                "{\"status\":\"identified\",\"body\":\"Found it.\",\"impact\":\"major\","
                                        + "\"components\":[{\"component\":\"Dashboard\",\"status\":\"partial_outage\"}]}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(publicJson("status.json").get("status").get("indicator").asString())
                .isEqualTo("major");
        String critical = open("API down", "critical", "{\"component\":\"API\"}");
        JsonNode worst = publicJson("status.json").get("status");
        assertThat(worst.get("indicator").asString()).isEqualTo("critical");
        assertThat(worst.get("description").asString()).isEqualTo("Major System Outage");

        update(critical, "{\"status\":\"resolved\",\"body\":\"Fixed.\"}");
        assertThat(publicJson("status.json").get("status").get("indicator").asString())
                .isEqualTo("major");
        update(minor, "{\"status\":\"resolved\",\"body\":\"Fixed too.\"}");
        assertThat(publicJson("status.json").get("status").get("indicator").asString())
                .isEqualTo("none");
    }

    @Test
    void summaryComponentsAndIncidentsHaveStatuspageShapes() {
        String id = open("Checkout errors", "major", "{\"component\":\"Checkout\"}");
        JsonNode summary = publicJson("summary.json");
        assertThat(summary.propertyNames())
                .containsExactly("page", "components", "incidents", "scheduled_maintenances", "status");
        JsonNode checkout = component(summary, "Checkout");
        assertThat(checkout.get("status").asString()).isEqualTo("partial_outage");
        assertThat(checkout.propertyNames())
                .contains(
                        "id",
                        "name",
                        "status",
                        "created_at",
                        "updated_at",
                        "position",
                        "description",
                        "showcase",
                        "start_date",
                        "group_id",
                        "page_id",
                        "group",
                        "only_show_if_degraded");
        assertThat(component(summary, "API").get("status").asString()).isEqualTo("operational");
        assertThat(component(summary, "API").get("description").asString()).isEqualTo("The public REST API");
        JsonNode web = component(summary, "Web");
        assertThat(web.get("group").asBoolean()).isTrue();
        assertThat(web.get("status").asString()).isEqualTo("partial_outage");
        assertThat(web.get("components").size()).isEqualTo(2);
        assertThat(checkout.get("group_id").asString()).isEqualTo(web.get("id").asString());

        assertThat(summary.get("incidents").size()).isEqualTo(1);
        JsonNode incident = summary.get("incidents").get(0);
        assertThat(incident.get("id").asString()).isEqualTo(id);
        assertThat(incident.propertyNames())
                .contains(
                        "id",
                        "name",
                        "status",
                        "created_at",
                        "updated_at",
                        "monitoring_at",
                        "resolved_at",
                        "impact",
                        "shortlink",
                        "started_at",
                        "page_id",
                        "incident_updates",
                        "components");
        assertThat(incident.get("status").asString()).isEqualTo("investigating");
        assertThat(incident.get("impact").asString()).isEqualTo("major");
        assertThat(incident.get("resolved_at").isNull()).isTrue();
        JsonNode firstUpdate = incident.get("incident_updates").get(0);
        assertThat(firstUpdate.propertyNames())
                .contains("id", "status", "body", "incident_id", "created_at", "updated_at", "display_at");
        assertThat(firstUpdate.get("body").asString()).isEqualTo("We are investigating.");
        assertThat(incident.get("components").get(0).get("name").asString()).isEqualTo("Checkout");

        clock.advance(Duration.ofMinutes(5));
        update(id, "{\"status\":\"monitoring\",\"body\":\"A fix is out.\"}");
        clock.advance(Duration.ofMinutes(5));
        update(id, "{\"status\":\"resolved\",\"body\":\"All good.\"}");
        assertThat(publicJson("incidents/unresolved.json").get("incidents").size())
                .isZero();
        JsonNode resolved = publicJson("incidents.json").get("incidents").get(0);
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");
        assertThat(resolved.get("monitoring_at").isNull()).isFalse();
        assertThat(resolved.get("resolved_at").isNull()).isFalse();
        assertThat(resolved.get("incident_updates").size()).isEqualTo(3);
        assertThat(resolved.get("incident_updates").get(0).get("status").asString())
                .isEqualTo("resolved");
        assertThat(component(publicJson("components.json"), "Checkout")
                        .get("status")
                        .asString())
                .isEqualTo("operational");
    }

    @Test
    void maintenanceIsUpcomingThenActiveThenCompleted() {
        Instant from = clock.instant().plus(Duration.ofHours(2));
        HttpResponse<String> created = sendJson(
                "POST",
                "/api/v1/status-pages/" + slug + "/maintenances",
                responder,
                "{\"name\":\"Database upgrade\",\"body\":\"Brief read-only period.\",\"scheduledFor\":\"" + from
                        + "\",\"scheduledUntil\":\"" + from.plus(Duration.ofHours(1)) + "\",\"components\":[\"API\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode all = publicJson("scheduled-maintenances.json").get("scheduled_maintenances");
        assertThat(all.size()).isEqualTo(1);
        assertThat(all.get(0).get("status").asString()).isEqualTo("scheduled");
        assertThat(all.get(0).get("impact").asString()).isEqualTo("maintenance");
        assertThat(all.get(0).get("scheduled_for").asString()).isNotEmpty();
        assertThat(all.get(0).get("scheduled_until").asString()).isNotEmpty();
        assertThat(publicJson("scheduled-maintenances/upcoming.json")
                        .get("scheduled_maintenances")
                        .size())
                .isEqualTo(1);
        assertThat(publicJson("summary.json").get("scheduled_maintenances").size())
                .isEqualTo(1);

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(publicJson("scheduled-maintenances/active.json")
                        .get("scheduled_maintenances")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("in_progress");
        assertThat(component(publicJson("components.json"), "API").get("status").asString())
                .isEqualTo("under_maintenance");
        assertThat(publicJson("status.json").get("status").get("indicator").asString())
                .isEqualTo("maintenance");

        clock.advance(Duration.ofHours(1));
        assertThat(publicJson("scheduled-maintenances.json")
                        .get("scheduled_maintenances")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("completed");
        assertThat(publicJson("status.json").get("status").get("indicator").asString())
                .isEqualTo("none");
    }

    @Test
    void pageShowsUptimeBarsAndTheFeedParses() throws Exception {
        String id = open("API down", "critical", "{\"component\":\"API\"}");
        clock.advance(Duration.ofHours(6));
        update(id, "{\"status\":\"resolved\",\"body\":\"Back up & <running>.\"}");
        HttpResponse<String> page = get("/status/" + slug, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = page.body();
        assertThat(html).contains("Acme Payments").contains("API down").contains("Back up &amp; &lt;running&gt;.");
        assertThat(html).doesNotContain("<nav").doesNotContain("<script").doesNotContain("https://cdn");
        int bars = html.split("class=\"bar bar-", -1).length - 1;
        assertThat(bars).isEqualTo(90 * 3);
        assertThat(html).contains("bar bar-major_outage");

        HttpResponse<String> atom = get("/status/" + slug + "/history.atom", null);
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        Document feed = xml(atom.body());
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")
                        .getLength())
                .isEqualTo(2);
        assertThat(atom.body()).contains("API down – Resolved");
    }

    @Test
    void nothingInternalLeaksToThePublic() {
        String secret = "hunter2-" + UUID.randomUUID();
        String runbookSlug = "sp-" + UUID.randomUUID().toString().substring(0, 8);
        library.put(
                runbookSlug,
                runbookSlug + ".md",
                ("# Internal runbook " + runbookSlug + "\n\n## Diagnosis\n\nRUNBOOK-STEP-ssh-db-primary-7 and check"
                                + " the vault.\n\n## Communication Templates\n\n### Status Update\n\n```\nWorking on"
                                + " [Incident title] for [Service]. Next update in 30 minutes.\n```\n")
                        .getBytes(StandardCharsets.UTF_8),
                "test",
                "api");
        String commander = "cmdr-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(commander, "password-" + UUID.randomUUID(), Role.RESPONDER, null, null);
        String key = AlertGroups.key();
        String internalTitle = "Payments DB primary db-primary-7 OOM " + UUID.randomUUID();
        var alert = AlertGroups.alert(
                "PaymentsDbDown",
                Map.of("db_password", secret, "instance", "db-primary-7.internal"),
                clock.instant(),
                internalTitle);
        alertGroups()
                .fire(new AlertGroup(key, "default", Map.of(), "payments-db", null, null, runbookSlug, List.of(alert)));
        long incidentId =
                incidents.list(new IncidentQuery(null, null, key, 5)).getFirst().id();
        incidents.assignRole(incidentId, "admin", "commander", commander);
        incidents.note(incidentId, "admin", "NOTE: rotate " + secret + " after this");
        String title = incidents.get(incidentId).title();

        HttpResponse<String> draft =
                get("/api/v1/status-pages/drafts?incident=" + incidentId + "&kind=update", responder);
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(json(draft).get("text").asString()).contains("Next update in 30 minutes.");
        assertThat(get("/api/v1/status-pages/drafts?incident=" + incidentId, null)
                        .statusCode())
                .isEqualTo(401);

        HttpResponse<String> opened = sendJson(
                "POST",
                "/api/v1/status-pages/" + slug + "/incidents",
                responder,
                "{\"name\":\"Payments are failing\",\"impact\":\"critical\",\"incidentId\":" + incidentId
                        + ",\"body\":\"Some payments fail. We are on it.\",\"components\":[{\"component\":\"API\"}]}");
        assertThat(opened.statusCode()).isEqualTo(201);
        update(json(opened).get("publicId").asString(), "{\"status\":\"identified\",\"body\":\"Cause found.\"}");

        List<String> forbidden = List.of(
                secret,
                "db_password",
                "db-primary-7",
                commander,
                title,
                internalTitle,
                "RUNBOOK-STEP",
                runbookSlug,
                "payments-db",
                "NOTE:",
                "admin",
                "incident_id\":" + incidentId);
        StringBuilder everything = new StringBuilder();
        everything.append(get("/status/" + slug, null).body());
        everything.append(get("/status/" + slug + "/history.atom", null).body());
        for (String file : JSON_FILES) {
            HttpResponse<String> response = get("/status/" + slug + "/api/v2/" + file, null);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            everything.append(response.body());
        }
        assertThat(everything.toString()).contains("Payments are failing").contains("Cause found.");
        for (String word : forbidden) {
            assertThat(everything.toString()).as("leaks " + word).doesNotContain(word);
        }
        assertThat(everything.toString()).doesNotContainPattern("\"incidentId\"");
    }

    @Test
    void publicPathsNeedNoLoginAndManagingNeedsARole() {
        assertThat(get("/status/" + slug, null).statusCode()).isEqualTo(200);
        assertThat(get("/status/" + slug + "/api/v2/summary.json", null).statusCode())
                .isEqualTo(200);
        assertThat(get("/status/" + slug + "/history.atom", null).statusCode()).isEqualTo(200);
        // Firebreak's own /api/v2 stays Alertmanager's, behind a token.
        assertThat(get("/api/v2/status", null).statusCode()).isEqualTo(401);

        assertThat(get("/api/v1/status-pages", null).statusCode()).isEqualTo(401);
        String viewer = tokenFor(Role.VIEWER);
        assertThat(get("/api/v1/status-pages/" + slug, viewer).statusCode()).isEqualTo(200);
        assertThat(sendJson("POST", "/api/v1/status-pages/" + slug + "/incidents", null, "{}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(sendJson(
                                "POST",
                                "/api/v1/status-pages/" + slug + "/incidents",
                                viewer,
                                "{\"name\":\"x\",\"body\":\"y\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(sendJson("POST", "/api/v1/status-pages", responder, "{\"slug\":\"nope\",\"name\":\"Nope\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/status-page", null).statusCode()).isIn(302, 401);
        var session = login(accounts.find("admin").orElseThrow().username(), "admin-password-for-tests");
        HttpResponse<String> admin = getPage(session, "/status-page");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("Acme Payments").contains("/status/" + slug);
    }

    @Test
    void badInputGetsClearErrorsNeverA500() {
        HttpResponse<String> unknown = get("/status/no-such-page/api/v2/status.json", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(unknown).get("detail").asString()).contains("no status page");
        HttpResponse<String> unknownPage = get("/status/no-such-page", null);
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(unknownPage.body()).doesNotContain("<nav");
        assertThat(get("/status/" + "x".repeat(5000) + "/api/v2/status.json", null)
                        .statusCode())
                .isIn(400, 404, 414);

        String base = "/status/" + slug + "/api/v2/subscribers.json";
        HttpResponse<String> badEmail = sendJson("POST", base, null, "{\"email\":\"not an email\"}");
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(json(badEmail).get("field").asString()).isEqualTo("email");
        assertThat(sendJson("POST", base, null, "{\"email\":\"" + "a".repeat(300) + "@x.test\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(sendJson("POST", base, null, "{}").statusCode()).isEqualTo(400);
        assertThat(sendJson("POST", base, null, "not json").statusCode()).isEqualTo(400);
        assertThat(sendJson("POST", base, null, "{\"endpoint\":\"ftp://x.test/hook\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> huge = sendJson("POST", base, null, "{\"email\":\"" + "a".repeat(3_000_000) + "\"}");
        assertThat(huge.statusCode()).isIn(400, 413);
        assertThat(form("/status/" + slug + "/subscribe", "email=nope").statusCode())
                .isEqualTo(400);
        HttpResponse<String> badToken = form("/status/" + slug + "/confirm", "token=" + "z".repeat(40));
        assertThat(badToken.statusCode()).isEqualTo(404);
        assertThat(badToken.body()).contains("not valid");
        assertThat(form("/status/" + slug + "/unsubscribe", "").statusCode()).isEqualTo(404);

        assertThat(update("nosuchid", "{\"status\":\"resolved\",\"body\":\"x\"}")
                        .statusCode())
                .isEqualTo(404);
        String id = open("Errors", "minor", "");
        HttpResponse<String> badStatus = update(id, "{\"status\":\"on_fire\",\"body\":\"x\"}");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(json(badStatus).get("detail").asString()).contains("investigating");
        assertThat(update(id, "{\"status\":\"resolved\",\"body\":\"" + "b".repeat(5001) + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(update(id, "{\"status\":\"completed\",\"body\":\"x\"}").statusCode())
                .isEqualTo(400);
        assertThat(sendJson(
                                "POST",
                                "/api/v1/status-pages/" + slug + "/incidents",
                                responder,
                                "{\"name\":\"x\",\"body\":\"y\",\"components\":[{\"component\":\"Nope\"}]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(sendJson("POST", "/api/v1/status-pages", admin, "{\"slug\":\"Bad Slug!\",\"name\":\"x\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(sendJson("POST", "/api/v1/status-pages", admin, "{\"slug\":\"" + slug + "\",\"name\":\"x\"}")
                        .statusCode())
                .isEqualTo(409);

        // The page is public: subscribe requests from one client are limited (6 in the tests).
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = sendJson("POST", base, null, "{\"email\":\"flood" + i + "@example.test\"}");
            if (r.statusCode() == 429) {
                limited++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            } else {
                assertThat(r.statusCode()).isEqualTo(202);
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(2);
    }

    @Test
    void commandLinePostsAndUpdates() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = cli(
                out,
                err,
                "status-page",
                "post",
                slug,
                "--name",
                "Login slow",
                "--impact",
                "major",
                "--component",
                "Dashboard",
                "--body",
                "Looking into it.");
        assertThat(code).as(err.toString()).isZero();
        String id = out.toString().strip();
        assertThat(id).matches("[a-z0-9]{12}");
        assertThat(cli(out, err, "status-page", "update", slug, id, "--status", "resolved", "--body", "Fine."))
                .isZero();
        assertThat(out.toString()).contains(id + " resolved");
        assertThat(cli(out, err, "status-page", "show", slug)).isZero();
        assertThat(out.toString()).contains("Login slow").contains("component ");
        assertThat(cli(out, err, "status-page", "list")).isZero();
        assertThat(out.toString()).contains(slug);
        assertThat(cli(out, err, "status-page", "update", slug, id, "--status", "bogus", "--body", "x"))
                .isNotZero();
        assertThat(err.toString()).contains("status is one of");
    }

    private int cli(java.io.StringWriter out, java.io.StringWriter err, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--server";
        all[args.length + 1] = "http://127.0.0.1:" + port;
        all[args.length + 2] = "--token";
        all[args.length + 3] = responder;
        return dev.firebreak.cli.FirebreakCli.run(
                all, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
    }

    @Test
    void responderPostsThroughTheStatusPageScreen() {
        var session = login(accounts.find("admin").orElseThrow().username(), "admin-password-for-tests");
        String api = json(get("/api/v1/status-pages/" + slug, responder))
                .get("components")
                .get(0)
                .get("publicId")
                .asString();
        HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/status-page/" + slug + "/incidents"))
                .POST(HttpRequest.BodyPublishers.ofString("name=Search+is+slow&impact=major&body=Looking.&components="
                        + api + "&_csrf=" + session.csrf()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.cookie()));
        assertThat(posted.statusCode()).isEqualTo(302);
        JsonNode incident =
                publicJson("incidents/unresolved.json").get("incidents").get(0);
        assertThat(incident.get("name").asString()).isEqualTo("Search is slow");
        assertThat(component(publicJson("components.json"), "API").get("status").asString())
                .isEqualTo("partial_outage");
        String page = getPage(session, "/status-page").body();
        assertThat(page).contains("Search is slow").contains("Post update");

        send(HttpRequest.newBuilder(uri("/status-page/" + slug + "/incidents/"
                        + incident.get("id").asString() + "/updates"))
                .POST(HttpRequest.BodyPublishers.ofString("status=resolved&body=Fast+again.&_csrf=" + session.csrf()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.cookie()));
        assertThat(publicJson("incidents/unresolved.json").get("incidents").size())
                .isZero();
        assertThat(publicJson("status.json").get("status").get("indicator").asString())
                .isEqualTo("none");
    }

    private static JsonNode component(JsonNode answer, String name) {
        for (JsonNode c : answer.get("components")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no component " + name + " in " + answer);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
