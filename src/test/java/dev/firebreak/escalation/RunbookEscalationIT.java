package dev.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import dev.firebreak.support.SharedData;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Policies from runbooks' escalation matrices, end to end: sync, audit, findings, routes, the page. */
@Tag("database")
class RunbookEscalationIT extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CRITICAL = "| Critical | 5 minutes | Primary â†’ Secondary â†’ Manager |";

    @Autowired
    EscalationPolicies policies;

    @Autowired
    RunbookEscalation runbooks;

    @AfterEach
    void restoreDefaultRouting() {
        putRouting(tokenFor(Role.ADMIN), "route:\n  group_by: [alertname]\n");
    }

    @Test
    void importingSeed002MakesItsPolicyAndEditingTheMatrixUpdatesIt() throws IOException {
        String admin = tokenFor(Role.ADMIN);
        String slug = "counterfactual-" + suffix();
        String seed = seed002();
        assertThat(putRunbook(admin, slug, seed).statusCode()).isEqualTo(201);

        StoredPolicy created = await(() -> find("runbook." + slug), p -> p != null);
        assertThat(created.policy().runbookSlug()).isEqualTo(slug);
        assertThat(created.policy().tiers())
                .extracting(PolicyTier::severity)
                .containsExactly("Critical", "High", "Medium", "Low");
        PolicyTier critical = created.policy().tiers().getFirst();
        assertThat(critical.steps())
                .extracting(s -> s.targets().getFirst().name())
                .containsExactly("Primary", "Secondary", "Manager");
        assertThat(critical.steps()).extracting(PolicyStep::delay).containsOnly(Duration.ofMinutes(5));
        assertThat(runbooks.history(created.name()))
                .extracting(RunbookSync::kind)
                .containsExactly(RunbookSync.Kind.CREATED);

        // A change elsewhere in the runbook leaves the policy alone.
        putRunbook(admin, slug, seed + "\n\nOne more line.\n");
        String lead = "Duty Lead " + suffix();
        putRunbook(admin, slug, seed.replace(CRITICAL, "| Critical | 10 minutes | Primary â†’ " + lead + " |"));
        StoredPolicy updated = await(() -> find(created.name()), p -> p.version() == created.version() + 1);
        PolicyTier changed = updated.policy().tiers().getFirst();
        assertThat(changed.steps())
                .extracting(s -> s.targets().getFirst().name())
                .containsExactly("Primary", lead);
        assertThat(changed.steps()).extracting(PolicyStep::delay).containsOnly(Duration.ofMinutes(10));
        List<RunbookSync> history = runbooks.history(created.name());
        assertThat(history)
                .extracting(RunbookSync::kind)
                .containsExactly(RunbookSync.Kind.UPDATED, RunbookSync.Kind.CREATED);
        assertThat(history.getFirst().runbookVersion()).isEqualTo(3);
        assertThat(history.getFirst().before())
                .contains("Critical (respond 5m): Primary 5m → Secondary 5m → Manager 5m");
        assertThat(history.getFirst().after()).contains("Critical (respond 10m): Primary 10m → " + lead + " 10m");

        // The new role pages nobody until it is mapped; mapping any spelling of it clears the finding.
        assertThat(unmapped(created.name())).contains(lead);
        String user = accounts.create("lead-" + suffix(), "password-" + UUID.randomUUID(), Role.RESPONDER, null, null)
                .username();
        runbooks.mapRole(lead.toUpperCase().replace(" ", "  "), new StepTarget(StepTarget.Kind.USER, user), "admin");
        assertThat(unmapped(created.name())).doesNotContain(lead);
        assertThat(runbooks.knownRoles())
                .filteredOn(r -> r.role().equals(lead))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.runbooks()).containsExactly(slug);
                    assertThat(r.target()).isEqualTo(new StepTarget(StepTarget.Kind.USER, user));
                });
    }

    @Test
    void aPolicyEditedByHandIsDetachedAndTheAdminCanMakeItFollowAgain() throws IOException {
        String admin = tokenFor(Role.ADMIN);
        String slug = "detached-" + suffix();
        String seed = seed002();
        putRunbook(admin, slug, seed);
        StoredPolicy created = await(() -> find("runbook." + slug), p -> p != null);
        EscalationPolicy mine = created.policy();
        policies.save(new EscalationPolicy(mine.name(), "mine now", 2, null, mine.tiers(), slug), "alice");
        await(() -> runbooks.history(mine.name()).getFirst().kind(), kind -> kind == RunbookSync.Kind.DETACHED);

        putRunbook(admin, slug, seed.replace(CRITICAL, "| Critical | 1 minute | Primary |"));
        EscalationFinding finding = await(
                () -> runbooks.findings().stream()
                        .filter(f -> f.kind() == EscalationFinding.Kind.DETACHED_MATRIX_CHANGED)
                        .filter(f -> slug.equals(f.runbookSlug()))
                        .findFirst()
                        .orElse(null),
                f -> f != null);
        assertThat(finding.message()).contains("edited by hand");
        assertThat(runbooks.history(mine.name()))
                .extracting(RunbookSync::kind)
                .containsExactly(
                        RunbookSync.Kind.SKIPPED_DETACHED, RunbookSync.Kind.DETACHED, RunbookSync.Kind.CREATED);
        assertThat(runbooks.history(mine.name()).get(1).actor()).isEqualTo("alice");
        assertThat(find(mine.name()).policy().description()).isEqualTo("mine now");
        assertThat(runbooks.origin(mine.name()).orElseThrow().synced()).isFalse();

        HttpResponse<String> viewer =
                sendJson("POST", "/api/v1/escalation-policies/from-runbook/" + slug, tokenFor(Role.RESPONDER), "");
        assertThat(viewer.statusCode()).isEqualTo(403);
        HttpResponse<String> again = sendJson("POST", "/api/v1/escalation-policies/from-runbook/" + slug, admin, "");
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(again.body());
        assertThat(body.get("change").asString()).isEqualTo("REATTACHED");
        StoredPolicy followed = find(mine.name());
        assertThat(followed.policy().repeat()).isEqualTo(2); // the admin's repeat survives
        assertThat(followed.policy().tiers().getFirst().steps()).hasSize(1);
        assertThat(runbooks.origin(mine.name()).orElseThrow().synced()).isTrue();
        assertThat(runbooks.findings())
                .noneMatch(f ->
                        f.kind() == EscalationFinding.Kind.DETACHED_MATRIX_CHANGED && slug.equals(f.runbookSlug()));

        // Deleting the runbook keeps the policy, with a finding.
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/runbooks/" + slug))
                                .header("Authorization", "Bearer " + admin)
                                .DELETE())
                        .statusCode())
                .isLessThan(300);
        await(
                () -> runbooks.findings().stream()
                        .filter(f -> f.kind() == EscalationFinding.Kind.RUNBOOK_DELETED && slug.equals(f.runbookSlug()))
                        .findFirst()
                        .orElse(null),
                f -> f != null);
        assertThat(policies.exists(mine.name())).isTrue();
    }

    @Test
    void fromRunbookBadInput() throws IOException {
        String admin = tokenFor(Role.ADMIN);
        HttpResponse<String> missing =
                sendJson("POST", "/api/v1/escalation-policies/from-runbook/no-such-" + suffix(), admin, "");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        String plain = "plain-" + suffix();
        putRunbook(admin, plain, "# Plain\n\nNo matrix here.\n");
        HttpResponse<String> none = sendJson("POST", "/api/v1/escalation-policies/from-runbook/" + plain, admin, "");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(none.body()).get("detail").asString()).contains("has no escalation matrix");
        assertThat(policies.exists("runbook." + plain)).isFalse();
    }

    @Test
    void aRouteNamingAnUnknownPolicyIsRejectedAndARunbookPolicyIsAccepted() throws IOException {
        String admin = tokenFor(Role.ADMIN);
        String version = get("/api/v1/routing", admin)
                .headers()
                .firstValue("Firebreak-Routing-Version")
                .orElseThrow();
        String unknown = "nope-" + suffix();
        HttpResponse<String> bad = putRouting(
                admin,
                "route:\n  group_by: [alertname]\n  routes:\n    - matchers: ['team=\"db\"']\n      escalation_policy: "
                        + unknown + "\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(bad.body());
        assertThat(problem.get("line").asInt()).isEqualTo(5);
        assertThat(problem.get("detail").asString())
                .contains("route 0.0")
                .contains("no escalation policy '" + unknown + "'");
        assertThat(get("/api/v1/routing", admin)
                        .headers()
                        .firstValue("Firebreak-Routing-Version")
                        .orElseThrow())
                .isEqualTo(version);

        // A runbook's policy may be named as soon as the runbook is in, before the sync made it.
        String slug = "routed-" + suffix();
        assertThat(putRunbook(admin, slug, seed002()).statusCode()).isEqualTo(201);
        HttpResponse<String> good =
                putRouting(admin, "route:\n  group_by: [alertname]\n  escalation_policy: runbook." + slug + "\n");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        HttpResponse<String> noRunbook = putRouting(
                admin, "route:\n  group_by: [alertname]\n  escalation_policy: runbook.absent-" + suffix() + "\n");
        assertThat(noRunbook.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noRunbook.body()).get("detail").asString()).contains("no runbook 'absent-");
    }

    @Test
    void theEscalationPageListsPoliciesFindingsAndMapsRoles() throws IOException {
        String admin = tokenFor(Role.ADMIN);
        String slug = "paged-" + suffix();
        String role = "Night Owl " + suffix();
        putRunbook(admin, slug, seed002().replace(CRITICAL, "| Critical | 5 minutes | " + role + " â†’ Manager |"));
        await(() -> find("runbook." + slug), p -> p != null);

        WebSession session = login("admin", "admin-password-for-tests");
        HttpResponse<String> page = getPage(session, "/escalation");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("href=\"/escalation\"")
                .contains("runbook." + slug)
                .contains("follows its runbook")
                .contains("role " + role + " (unmapped)")
                .contains("data-role=\"" + role + "\"")
                .contains("has no mapping");

        String user = accounts.create("owl-" + suffix(), "password-" + UUID.randomUUID(), Role.RESPONDER, null, null)
                .username();
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(uri("/escalation/roles"))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "role=" + encode(role) + "&kind=USER&target=" + user + "&_csrf=" + session.csrf())));
        assertThat(mapped.statusCode()).isEqualTo(302);
        assertThat(getPage(session, "/escalation").body())
                .contains("role " + role + " → user " + user)
                .doesNotContain("role &#39;" + role + "&#39; of policy");

        HttpResponse<String> badTarget = send(HttpRequest.newBuilder(uri("/escalation/roles"))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "role=Manager&kind=USER&target=nobody-" + suffix() + "&_csrf=" + session.csrf())));
        assertThat(badTarget.statusCode()).isEqualTo(302);
        assertThat(getPage(session, "/escalation").body()).contains("no user &#39;nobody-");
    }

    private List<String> unmapped(String policy) {
        return runbooks.findings().stream()
                .filter(f -> f.kind() == EscalationFinding.Kind.UNMAPPED_ROLE && policy.equals(f.policy()))
                .map(EscalationFinding::role)
                .toList();
    }

    private StoredPolicy find(String name) {
        return policies.exists(name) ? policies.get(name) : null;
    }

    private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 20 s; last " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = value.get();
        }
        return last;
    }

    private HttpResponse<String> putRunbook(String token, String slug, String markdown) {
        return send(HttpRequest.newBuilder(uri("/api/v1/runbooks/" + slug))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/markdown")
                .PUT(HttpRequest.BodyPublishers.ofString(markdown)));
    }

    private HttpResponse<String> putRouting(String token, String yaml) {
        return send(HttpRequest.newBuilder(uri("/api/v1/routing"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    private static String seed002() throws IOException {
        Path path = SharedData.root().resolve("seeds").resolve("002_e59b4eb987172cd9.txt");
        Assumptions.assumeTrue(Files.isRegularFile(path), "seed " + path.toAbsolutePath() + " is absent; skipping");
        String text = Files.readString(path);
        assertThat(text).contains(CRITICAL);
        return text;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
