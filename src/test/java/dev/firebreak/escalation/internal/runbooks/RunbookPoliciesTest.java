package dev.firebreak.escalation.internal.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookParser;
import dev.firebreak.support.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The escalation matrices of seeds 002 and 003 as policies, and the edges of the conversion. */
class RunbookPoliciesTest {
    private static final RunbookParser PARSER = new RunbookParser();

    private static RunbookModel seed(String file) throws IOException {
        Path path = SharedData.root().resolve("seeds").resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "seed " + path.toAbsolutePath() + " is absent; skipping");
        return PARSER.parse(file, Files.readAllBytes(path), null);
    }

    private static List<String> roles(PolicyTier tier) {
        return tier.steps().stream()
                .map(step -> {
                    assertThat(step.targets()).hasSize(1);
                    assertThat(step.targets().getFirst().kind()).isEqualTo(StepTarget.Kind.ROLE);
                    return step.targets().getFirst().name();
                })
                .toList();
    }

    private static List<Duration> delays(PolicyTier tier) {
        return tier.steps().stream().map(PolicyStep::delay).toList();
    }

    @Test
    void seed002CriticalPagesThreeRolesFiveMinutesApart() throws IOException {
        RunbookModel model = seed("002_e59b4eb987172cd9.txt");
        EscalationPolicy policy =
                RunbookPolicies.fromMatrix("counterfactual-lab", model.title(), model.escalationMatrix());

        assertThat(policy.name()).isEqualTo("runbook.counterfactual-lab");
        assertThat(policy.runbookSlug()).isEqualTo("counterfactual-lab");
        assertThat(policy.description()).contains(model.title()).doesNotContain("Severities");
        assertThat(policy.tiers())
                .extracting(PolicyTier::severity)
                .containsExactly("Critical", "High", "Medium", "Low");

        PolicyTier critical = policy.tiers().get(0);
        assertThat(roles(critical)).containsExactly("Primary", "Secondary", "Manager");
        assertThat(delays(critical)).containsOnly(Duration.ofMinutes(5)).hasSize(3);
        assertThat(critical.responseTarget()).isEqualTo(Duration.ofMinutes(5));

        PolicyTier high = policy.tiers().get(1);
        assertThat(roles(high)).containsExactly("Primary", "Secondary");
        assertThat(delays(high)).containsOnly(Duration.ofMinutes(15));

        assertThat(roles(policy.tiers().get(2))).containsExactly("Primary on-call");
        assertThat(delays(policy.tiers().get(2))).containsExactly(Duration.ofHours(1));

        // Not a role but a hand-off: still a ROLE, which the admin maps to a team.
        PolicyTier low = policy.tiers().get(3);
        assertThat(roles(low)).containsExactly("Assign to team");
        assertThat(delays(low)).containsExactly(Duration.ofDays(1));
    }

    @Test
    void seed003EscalatesAfterItsOwnTimeAndKeepsCodesAndLabels() throws IOException {
        RunbookModel model = seed("003_3954d519392b4fc5.txt");
        EscalationPolicy policy =
                RunbookPolicies.fromMatrix("hsof-operations", model.title(), model.escalationMatrix());

        assertThat(policy.tiers()).extracting(PolicyTier::severity).containsExactly("P0", "P1", "P2", "P3");
        assertThat(policy.description())
                .contains("P0 = Critical")
                .contains("P1 = High")
                .contains("P2 = Medium")
                .contains("P3 = Low");

        PolicyTier p0 = policy.tiers().get(0);
        assertThat(roles(p0)).containsExactly("On-call", "Manager", "Director");
        assertThat(delays(p0)).containsOnly(Duration.ofMinutes(15)).hasSize(3);
        assertThat(p0.responseTarget()).isEqualTo(Duration.ofMinutes(5));

        PolicyTier p1 = policy.tiers().get(1);
        assertThat(roles(p1)).containsExactly("On-call", "Manager");
        assertThat(delays(p1)).containsOnly(Duration.ofMinutes(30));

        PolicyTier p2 = policy.tiers().get(2);
        assertThat(delays(p2)).containsOnly(Duration.ofHours(4));
        assertThat(p2.responseTarget()).isEqualTo(Duration.ofHours(1));

        PolicyTier p3 = policy.tiers().get(3);
        assertThat(roles(p3)).containsExactly("On-call");
        assertThat(delays(p3)).containsExactly(Duration.ofDays(1));
        assertThat(p3.responseTarget()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void rowsWithoutTimeOrPathOrWithARepeatedSeverity() {
        List<RunbookModel.EscalationStep> matrix = List.of(
                row("SEV-1 - Critical", "Immediate", null, "Oncall", "on-call", "Lead"),
                row("Sev-1", "5 minutes", null, "Other"),
                row("Critical (P2)", "TBD", "TBD", " Team  lead. "),
                row("Low", "1 hour", null),
                row("", "1 hour", null, "Primary"));
        EscalationPolicy policy = RunbookPolicies.fromMatrix("x", null, matrix);

        assertThat(policy.tiers()).extracting(PolicyTier::severity).containsExactly("SEV-1", "P2");
        assertThat(policy.description()).startsWith("Follows the escalation matrix of runbook 'x' (x).");
        assertThat(policy.description()).contains("SEV-1 = Critical, P2 = Critical");
        PolicyTier first = policy.tiers().getFirst();
        assertThat(roles(first)).containsExactly("Oncall", "Lead");
        assertThat(delays(first)).containsOnly(RunbookPolicies.MIN_DELAY);
        PolicyTier second = policy.tiers().get(1);
        assertThat(roles(second)).containsExactly("Team lead");
        assertThat(delays(second)).containsExactly(RunbookPolicies.DEFAULT_DELAY);
        assertThat(second.responseTarget()).isNull();

        assertThat(RunbookPolicies.fromMatrix("y", "Y", List.of()).tiers()).isEmpty();
        assertThat(RunbookPolicies.fromMatrix("y", "Y", null).tiers()).isEmpty();
    }

    @Test
    void roleKeysFoldSpellingVariants() {
        assertThat(RoleNames.key("On-call")).isEqualTo(RoleNames.key("oncall")).isEqualTo(RoleNames.key(" On  Call "));
        assertThat(RoleNames.key("Primary")).isEqualTo(RoleNames.key("PRIMARY"));
        assertThat(RoleNames.key("Primary on-call")).isNotEqualTo(RoleNames.key("Primary"));
        assertThat(RoleNames.display("  Incident   Commander. ")).isEqualTo("Incident Commander");
    }

    private static RunbookModel.EscalationStep row(String severity, String response, String after, String... path) {
        return new RunbookModel.EscalationStep(severity, duration(response), duration(after), List.of(path));
    }

    private static RunbookModel.Duration duration(String text) {
        if (text == null) {
            return null;
        }
        Long seconds =
                switch (text) {
                    case "Immediate" -> 0L;
                    case "5 minutes" -> 300L;
                    case "1 hour" -> 3600L;
                    default -> null;
                };
        return new RunbookModel.Duration(text, seconds);
    }
}
