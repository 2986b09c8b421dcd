package dev.firebreak.alert.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.RoutingProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingYamlTest {
    private static final String EXAMPLE = """
            route:
              receiver: default
              group_by: [alertname, cluster]
              group_wait: 10s
              service: platform
              routes:
                - matchers: ['team="db"', 'severity=~"critical|page"']
                  receiver: db-pager
                  escalation_policy: db-oncall
                  runbook: db-failover
                  continue: true
                  routes:
                    - matchers: [env="staging"]
                      receiver: db-staging
                      repeat_interval: 1d
                - matchers: ['team=~"db|storage"']
                  receiver: storage
                  group_by: ['...']
                  group_interval: 1m
                - match: {team: web}
                  receiver: web
                  severity: SEV-2
            inhibit_rules:
              - source_matchers: [alertname="NodeDown"]
                target_matchers: [severity!="critical"]
                equal: [instance]
            """;

    @Test
    void listsThePoliciesRoutesNameThemselvesWithTheirLines() {
        RoutingYaml.Result result = RoutingYaml.parse(EXAMPLE);
        // The staging route inherits db-oncall: named once, where it is written.
        assertThat(result.policies()).containsExactly(new dev.firebreak.alert.PolicyReference("0.0", 9, "db-oncall"));
    }

    @Test
    void readsTheExampleWithInheritance() {
        RoutingYaml.Result result = RoutingYaml.parse(EXAMPLE);
        assertThat(result.problems()).isEmpty();
        Route root = result.config().root();
        assertThat(root.groupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(root.repeatInterval()).isEqualTo(Duration.ofHours(4));
        Route db = root.routes().get(0);
        assertThat(db.groupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(db.groupBy()).containsExactly("alertname", "cluster");
        assertThat(db.service()).isEqualTo("platform");
        Route staging = db.routes().get(0);
        assertThat(staging.escalationPolicy()).isEqualTo("db-oncall");
        assertThat(staging.runbook()).isEqualTo("db-failover");
        assertThat(staging.repeatInterval()).isEqualTo(Duration.ofDays(1));
        assertThat(root.routes().get(1).groupBy()).isNull();
        assertThat(result.config().inhibitRules()).hasSize(1);
    }

    @Test
    void continueSendsToLaterSiblingsAndTheDeepestMatchWins() {
        Route root = RoutingYaml.parse(EXAMPLE).config().root();
        assertThat(names(root, Map.of("team", "db", "severity", "critical", "env", "staging")))
                .containsExactly("db-staging", "storage");
        assertThat(names(root, Map.of("team", "db", "severity", "critical"))).containsExactly("db-pager", "storage");
        assertThat(names(root, Map.of("team", "db", "severity", "warning"))).containsExactly("storage");
        assertThat(names(root, Map.of("team", "web"))).containsExactly("web");
        assertThat(names(root, Map.of("team", "webby"))).containsExactly("default");
        assertThat(names(root, Map.of())).containsExactly("default");
    }

    @Test
    void groupKeysUseOnlyPresentGroupByLabelsOrEverything() {
        Route root = RoutingYaml.parse(EXAMPLE).config().root();
        Map<String, String> labels = Map.of("alertname", "Disk", "team", "web", "instance", "a");
        Route web = root.match(labels).getFirst();
        assertThat(GroupKeys.groupLabels(web, labels)).containsExactly(Map.entry("alertname", "Disk"));
        assertThat(GroupKeys.key(web, GroupKeys.groupLabels(web, labels))).isEqualTo("0.2:{alertname=\"Disk\"}");
        Route storage = root.routes().get(1);
        assertThat(GroupKeys.groupLabels(storage, labels)).hasSize(3);
    }

    @Test
    void matchersAreAnchoredAndTreatMissingLabelsAsEmpty() {
        assertThat(AlertMatcher.parse("severity=~\"crit\"").matches(Map.of("severity", "critical")))
                .isFalse();
        assertThat(AlertMatcher.parse("severity=~\"crit.*\"").matches(Map.of("severity", "critical")))
                .isTrue();
        assertThat(AlertMatcher.parse("severity=~\"a|b\"").matches(Map.of("severity", "xb")))
                .isFalse();
        assertThat(AlertMatcher.parse("team!=\"db\"").matches(Map.of())).isTrue();
        assertThat(AlertMatcher.parse("team!~\"db.*\"").matches(Map.of())).isTrue();
        assertThat(AlertMatcher.parse("team!~\".*\"").matches(Map.of())).isFalse();
        assertThat(AlertMatcher.parse("team=\"\"").matches(Map.of())).isTrue();
        assertThat(AlertMatcher.parse("team=~\".+\"").matches(Map.of())).isFalse();
        assertThat(AlertMatcher.parse("  team = db ").matches(Map.of("team", "db")))
                .isTrue();
        assertThat(AlertMatcher.parse("msg=\"say \\\"hi\\\"\"").value()).isEqualTo("say \"hi\"");
        assertThat(AlertMatcher.parse("{job=\"node\"}").toString()).isEqualTo("job=\"node\"");
        assertThatThrownBy(() -> AlertMatcher.parse("team~db")).hasMessageContaining("bad matcher");
        assertThatThrownBy(() -> AlertMatcher.parse("1team=db")).hasMessageContaining("bad matcher");
        assertThatThrownBy(() -> AlertMatcher.parse("team=~\"(\"")).hasMessageContaining("bad regex");
    }

    @Test
    void exactMatchersForAnAlertRoundTrip() {
        Map<String, String> labels = Map.of("alertname", "Disk \"full\"", "instance", "a:9100");
        List<AlertMatcher> exact = AlertMatcher.exactly(labels);
        List<AlertMatcher> again =
                AlertMatcher.parseAll(exact.stream().map(AlertMatcher::toString).toList());
        assertThat(AlertMatcher.all(again, labels)).isTrue();
        assertThat(AlertMatcher.all(again, Map.of("alertname", "Disk \"full\"")))
                .isFalse();
    }

    @Test
    void inhibitRulesNeedEqualLabelsToAgree() {
        InhibitRule rule = RoutingYaml.parse(EXAMPLE).config().inhibitRules().getFirst();
        Map<String, String> source = Map.of("alertname", "NodeDown", "instance", "a");
        assertThat(rule.inhibits(source, Map.of("alertname", "Disk", "instance", "a")))
                .isTrue();
        assertThat(rule.inhibits(source, Map.of("alertname", "Disk", "instance", "b")))
                .isFalse();
        assertThat(rule.inhibits(source, Map.of("alertname", "Disk", "instance", "a", "severity", "critical")))
                .isFalse();
    }

    @Test
    void everyProblemComesWithItsLine() {
        assertProblem("route:\n  grup_by: [a]\n", 2, "unknown key 'grup_by' in route");
        assertProblem("route:\n  group_wait: 30 seconds\n", 2, "bad duration '30 seconds' for group_wait");
        assertProblem("route:\n  group_interval: 0s\n", 2, "group_interval must be greater than zero");
        assertProblem("route:\n  routes:\n    - matchers: ['a=~\"(\"']\n", 3, "bad regex '('");
        assertProblem("route:\n  routes:\n    - matchers:\n        - a~b\n", 4, "bad matcher 'a~b'");
        assertProblem("route:\n  routes:\n    - continue: yes\n", 3, "continue must be true or false");
        assertProblem("route:\n  matchers: [a=b]\n", 2, "the root route must not have 'matchers'");
        assertProblem("route:\n  group_by: [a-b]\n", 2, "bad label name 'a-b'");
        assertProblem("route:\n  group_by: ['...', a]\n", 2, "cannot be combined");
        assertProblem("route:\n  runbook: Not A Slug\n", 2, "bad runbook slug");
        assertProblem("route:\n  routes: {a: b}\n", 2, "routes must be a list");
        assertProblem("route:\n  receiver: a\n  receiver: b\n", 3, "duplicate key 'receiver'");
        assertProblem("routes: []\n", 1, "unknown key 'routes' in top level");
        assertProblem("", 1, "the configuration is empty");
        assertProblem("route: [\n", 2, "not valid YAML");
        assertProblem("route:\n  group_by: [a]\ninhibit_rules:\n  - equal: [a]\n", 4, "needs source_matchers");
        assertThat(RoutingYaml.parse("route:\n  grup_by: [a]\n  group_wait: x\n")
                        .problems())
                .extracting(RoutingProblem::line)
                .containsExactly(2, 3);
    }

    @Test
    void durationsInPrometheusSyntax() {
        assertThat(RoutingYaml.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(RoutingYaml.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(RoutingYaml.parseDuration("1w")).isEqualTo(Duration.ofDays(7));
        assertThat(RoutingYaml.parseDuration("5")).isNull();
        assertThat(RoutingYaml.parseDuration("-5m")).isNull();
        assertThat(GroupKeys.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }

    @Test
    void theDefaultGroupsByAlertname() {
        Route root = RoutingYaml.parse(RoutingYaml.DEFAULT).config().root();
        assertThat(root.groupBy()).containsExactly("alertname");
        assertThat(root.groupWait()).isEqualTo(Duration.ofSeconds(30));
    }

    private static void assertProblem(String yaml, int line, String message) {
        List<RoutingProblem> problems = RoutingYaml.parse(yaml).problems();
        assertThat(problems).as(yaml).isNotEmpty();
        assertThat(problems.getFirst().line()).as(yaml).isEqualTo(line);
        assertThat(problems.getFirst().message()).as(yaml).contains(message);
    }

    private static List<String> names(Route root, Map<String, String> labels) {
        return root.match(labels).stream().map(Route::name).toList();
    }
}
