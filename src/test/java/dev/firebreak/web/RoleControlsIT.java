package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.Heartbeat;
import dev.firebreak.alert.Heartbeats;
import dev.firebreak.alert.MaintenanceWindows;
import dev.firebreak.alert.Silences;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notify.NotificationRule;
import dev.firebreak.notify.NotificationRules;
import dev.firebreak.notify.Urgency;
import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.People;
import dev.firebreak.oncall.RotationLength;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.ScheduleLayer;
import dev.firebreak.oncall.Schedules;
import dev.firebreak.oncall.Services;
import dev.firebreak.oncall.Teams;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.postmortem.ActionItems;
import dev.firebreak.postmortem.Postmortems;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.statuspage.PublicIncidents;
import dev.firebreak.statuspage.StatusPages;
import dev.firebreak.support.ServerTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page shows a person only the controls their role may use: as a responder and as a viewer, every
 * page (EveryPageBrowserIT's list, with something on each) is loaded, every POST form on it is sent
 * as a browser would send it untouched (its hidden and preset fields, one request per submit button)
 * and every link followed, and none may be refused, neither with a 403 nor with an "only admins"
 * message on the page it leads to. Forms are collected from all pages before any is sent, so an
 * action (resolve, remove, expire) cannot hide another page's forms; each test has its own fixture.
 */
class RoleControlsIT extends ServerTest {
    /** Pages for admins alone: a 403 for anybody else, and so never linked for them. */
    private static final Set<String> ADMIN_PAGES =
            Set.of("/admin/users", "/settings/channels", "/settings/git-sources", "/settings/integrations");

    /** A refusal said on a page rather than with a 403 (EscalationPages, RoutingPage, postmortems). */
    private static final Pattern REFUSAL =
            Pattern.compile("(?i)only admins|admins only|only responders|your role|forbidden");

    @Autowired
    Incidents incidents;

    @Autowired
    RunbookLibrary library;

    @Autowired
    Postmortems postmortems;

    @Autowired
    ActionItems actionItems;

    @Autowired
    Schedules schedules;

    @Autowired
    Silences silences;

    @Autowired
    MaintenanceWindows windows;

    @Autowired
    Heartbeats heartbeats;

    @Autowired
    Teams teams;

    @Autowired
    Services services;

    @Autowired
    StatusPages statusPages;

    @Autowired
    PublicIncidents publicIncidents;

    @Autowired
    People people;

    @Autowired
    NotificationRules rules;

    @Test
    void aResponderIsRefusedNoControlItSees() throws Exception {
        assertThat(problems(Role.RESPONDER)).isEmpty();
    }

    @Test
    void aViewerIsRefusedNoControlItSees() throws Exception {
        assertThat(problems(Role.VIEWER)).isEmpty();
    }

    /** Something to show on every page, and a user with the role who owns the account page's things. */
    private List<String> fixture(String user, Role role) throws Exception {
        String suffix = user.substring(user.lastIndexOf('-') + 1);
        String owner = "owner-" + suffix;
        accounts.create(owner, "password-123456", Role.ADMIN, null, null);
        UserAccount account = accounts.create(user, "password-123456", role, null, null);

        String slug = "roles-" + suffix;
        library.put(
                slug,
                slug + ".md",
                Files.readAllBytes(Path.of("../shared/seeds/000_2eb0fdaed66d6d32.txt")),
                "t",
                "api");
        long resolved = alertGroups()
                .openIncident(
                        "checkout",
                        slug,
                        List.of(AlertGroups.alert(
                                "RolesDone" + suffix,
                                Map.of("instance", "web-1:9100", "service", "checkout"),
                                clock.instant(),
                                "checkout was slow")));
        incidents.resolve(resolved, owner);
        long open = alertGroups()
                .openIncident(
                        "checkout",
                        slug,
                        List.of(
                                AlertGroups.alert(
                                        "RolesOpen" + suffix,
                                        Map.of("instance", "web-1:9100", "service", "checkout"),
                                        clock.instant(),
                                        "checkout answers slowly"),
                                AlertGroups.alert(
                                        "RolesOpen" + suffix,
                                        Map.of("instance", "web-2:9100", "service", "checkout"),
                                        clock.instant(),
                                        "checkout answers slowly")));
        incidents.note(open, owner, "looking at web-2 first");
        long postmortem = postmortems.draft(resolved, owner).id();
        actionItems.add(postmortem, new ActionItems.NewItem("Add a replica", null, null, "24h", false), owner);

        String schedule = "roles-" + suffix;
        Instant now = clock.instant();
        schedules.create(
                new Schedule(
                        schedule,
                        null,
                        null,
                        ZoneOffset.UTC,
                        List.of(new ScheduleLayer(
                                "rotation",
                                1,
                                List.of(owner, user),
                                LocalDateTime.ofInstant(now, ZoneOffset.UTC).minusDays(3),
                                RotationLength.weekly(),
                                List.of()))),
                owner);
        Instant overrideStart = now.plus(Duration.ofHours(1));
        schedules.addOverride(schedule, user, null, overrideStart, overrideStart.plus(Duration.ofHours(2)), owner);

        silences.create(
                List.of(AlertMatcher.parse("alertname=\"RolesQuiet" + suffix + "\"")),
                null,
                now.plus(Duration.ofHours(2)),
                owner,
                "known noise");
        String team = "roles-team-" + suffix;
        teams.create(team, null);
        String service = "roles-svc-" + suffix;
        services.create(service, null, team, null);
        windows.create(service, null, now.plus(Duration.ofHours(2)), owner, "upgrade");
        heartbeats.create(new Heartbeat.Spec(
                "roles-" + suffix,
                null,
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                null,
                null,
                null,
                List.of(),
                null));
        String page = "roles-" + suffix;
        statusPages.create(
                page, "Roles " + suffix, null, null, List.of(new StatusPages.NewComponent("API", null, null, null)));
        publicIncidents.open(
                page,
                new PublicIncidents.NewPublicIncident(
                        "Slow checkout", "minor", "investigating", "We are looking into it.", open, List.of()),
                owner);

        ContactMethod email = people.addContactMethod(user, ContactMethod.Kind.EMAIL, user + "@example.com", null);
        rules.replace(user, List.of(new NotificationRule(0, Urgency.HIGH, email.id(), Duration.ZERO)));
        tokens.create(account.id(), "laptop", null);

        return EveryPage.paths(
                slug,
                resolved,
                open,
                postmortem,
                "/oncall/schedules/" + schedule + "?start="
                        + overrideStart.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** One way to send a form: its fields as the page fills them in, and the button pressed. */
    record Submission(
            String page, URI action, boolean multipart, List<Map.Entry<String, String>> fields, String button) {
        String describe() {
            return "POST " + action.getPath() + (button == null ? "" : " [" + button + "]") + " (from " + page + ")";
        }
    }

    private List<String> problems(Role role) throws Exception {
        String user = role.name().toLowerCase() + "-controls-"
                + UUID.randomUUID().toString().substring(0, 8);
        List<String> pages = fixture(user, role);
        WebSession session = login(user, "password-123456");
        List<String> problems = new ArrayList<>();
        Map<String, Submission> submissions = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        Set<String> refusedPages = new LinkedHashSet<>();
        String csrfHeader = "X-CSRF-TOKEN";
        for (String page : pages) {
            HttpResponse<String> response = getPage(session, page);
            if (response.statusCode() == 403) {
                refusedPages.add(page);
                continue;
            }
            assertThat(response.statusCode()).as("GET " + page + " as " + role).isEqualTo(200);
            Document doc = Jsoup.parse(response.body(), uri(page).toString());
            Element header = doc.selectFirst("meta[name=_csrf_header]");
            if (header != null) {
                csrfHeader = header.attr("content");
            }
            for (Element form : doc.select("form")) {
                if (!form.attr("method").equalsIgnoreCase("post")) {
                    continue;
                }
                for (Submission s : submissions(page, doc, form)) {
                    String path = s.action().getPath();
                    if (path.equals("/logout")) {
                        continue;
                    }
                    submissions.putIfAbsent(path + " " + s.button(), s);
                }
            }
            for (Element a : doc.select("a[href]")) {
                URI target = URI.create(a.absUrl("href"));
                if (!"127.0.0.1".equals(target.getHost()) || target.getPort() != port) {
                    continue;
                }
                String local = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                links.putIfAbsent(local, page);
            }
        }
        assertThat(refusedPages).as("pages refused to a " + role).containsExactlyInAnyOrderElementsOf(ADMIN_PAGES);

        for (Map.Entry<String, String> link : links.entrySet()) {
            HttpResponse<String> response = getPage(session, link.getKey());
            if (response.statusCode() == 403) {
                problems.add("GET " + link.getKey() + " (linked from " + link.getValue() + "): 403");
            }
        }
        for (Submission s : submissions.values()) {
            String problem = refusal(session, csrfHeader, s);
            if (problem == null) {
                continue;
            }
            problems.add(s.describe() + ": " + problem);
        }
        System.out.println(role + ": " + pages.size() + " pages, " + links.size() + " links, " + submissions.size()
                + " form submissions checked");
        assertThat(submissions).as("forms seen by a " + role).isNotEmpty();
        return problems;
    }

    /** One submission per submit button (or one, with Enter, for a form without any). */
    private static List<Submission> submissions(String page, Document doc, Element form) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        List<Element> controls = new ArrayList<>(form.select("input, select, textarea"));
        if (!form.attr("id").isEmpty()) {
            controls.addAll(doc.select("[form=" + form.attr("id") + "]"));
        }
        boolean multipart = form.attr("enctype").equalsIgnoreCase("multipart/form-data");
        for (Element control : controls) {
            String name = control.attr("name");
            String type = control.attr("type").toLowerCase();
            if (name.isEmpty()
                    || control.hasAttr("disabled")
                    || Set.of("submit", "button", "image", "reset", "file").contains(type)) {
                continue;
            }
            if (control.nameIs("select")) {
                Element chosen = control.selectFirst("option[selected]");
                if (chosen == null) {
                    chosen = control.selectFirst("option");
                }
                if (chosen != null) {
                    fields.add(Map.entry(name, chosen.hasAttr("value") ? chosen.attr("value") : chosen.text()));
                }
            } else if (type.equals("checkbox") || type.equals("radio")) {
                if (control.hasAttr("checked")) {
                    fields.add(Map.entry(name, control.hasAttr("value") ? control.attr("value") : "on"));
                }
            } else {
                fields.add(Map.entry(name, control.val()));
            }
        }
        String action = form.hasAttr("action") ? form.absUrl("action") : doc.location();
        URI target = URI.create(action.isEmpty() ? doc.location() : action);
        List<Submission> out = new ArrayList<>();
        for (Element button : form.select("button, input[type=submit]")) {
            String type = button.attr("type").toLowerCase();
            boolean submits = button.nameIs("button") ? type.isEmpty() || type.equals("submit") : true;
            if (!submits || button.hasAttr("disabled")) {
                continue;
            }
            List<Map.Entry<String, String>> pressed = new ArrayList<>(fields);
            String label = button.nameIs("button") ? button.text() : button.attr("value");
            if (!button.attr("name").isEmpty()) {
                pressed.add(Map.entry(button.attr("name"), button.attr("value")));
                label = button.attr("name") + "=" + button.attr("value");
            }
            out.add(new Submission(page, target, multipart, pressed, label));
        }
        if (out.isEmpty()) {
            out.add(new Submission(page, target, multipart, fields, null));
        }
        return out;
    }

    /** Null if the server took the form (a validation error is fine), else how it refused it. */
    private String refusal(WebSession session, String csrfHeader, Submission s) {
        HttpRequest.Builder request = HttpRequest.newBuilder(s.action())
                .header("Cookie", session.cookie())
                .header(csrfHeader, session.csrf())
                .header("Accept", "text/html");
        if (s.multipart()) {
            String boundary = "----roles" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Map.Entry<String, String> field : s.fields()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                                + "\"\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                            + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            request.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        } else {
            StringBuilder body = new StringBuilder();
            for (Map.Entry<String, String> field : s.fields()) {
                if (!body.isEmpty()) {
                    body.append('&');
                }
                body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
            }
            request.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .header("Content-Type", "application/x-www-form-urlencoded");
        }
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 403) {
            return "403";
        }
        if (status >= 500) {
            return "server error " + status;
        }
        String page = response.body();
        if (status / 100 == 3) {
            URI next =
                    s.action().resolve(response.headers().firstValue("Location").orElse("/"));
            if (next.getPath().equals("/login")) {
                return "redirected to the login page";
            }
            HttpResponse<String> landed =
                    getPage(session, next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
            if (landed.statusCode() == 403) {
                return "redirected to a 403";
            }
            page = landed.body();
        }
        for (Element said : Jsoup.parse(page).select(".alert.error, [role=alert]")) {
            if (REFUSAL.matcher(said.text()).find()) {
                return "refused: " + said.text();
            }
        }
        return null;
    }
}
