package dev.firebreak.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbook.RiskClass;
import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seeds' commands as runnable steps, and the diagnostics an incident's opening would run. */
class RunbookStepsSeedTest {
    static final RunbookParser PARSER =
            new RunbookParser(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    static RunbookModel seed(String name) {
        return PARSER.parse(Path.of("../shared/seeds/" + name));
    }

    @Test
    void seed000sCommandsAreStepsNamedBySectionAndTheTreeIsNotOne() {
        RunbookModel model = seed("000_2eb0fdaed66d6d32.txt");
        List<RunbookStep> steps = RunbookSteps.of(model);
        assertThat(steps)
                .extracting(RunbookStep::ref)
                .startsWith("schema-issues.1", "schema-issues.2", "schema-issues.3");
        assertThat(steps).noneMatch(s -> s.section().equals("-triage-decision-tree"));
        assertThat(steps.getFirst().code().lines().count())
                .as("blocks are whole, not flattened")
                .isGreaterThan(3);
        assertThat(RunbookSteps.find(model, "recovery-actions.1").orElseThrow().risk())
                .isEqualTo(RiskClass.DESTRUCTIVE);
        RunbookModel.Procedure schema = model.procedures().getFirst();
        assertThat(RunbookSteps.forProcedure(model, schema))
                .extracting(RunbookStep::ref)
                .containsExactly("schema-issues.1", "schema-issues.2", "schema-issues.3");
    }

    @Test
    void templatesAndContactBlocksAreNotSteps() {
        RunbookModel model = seed("002_e59b4eb987172cd9.txt");
        assertThat(RunbookSteps.of(model))
                .extracting(RunbookStep::section)
                .doesNotContain("initial-response", "update-template", "resolution-template", "contact-information");
        assertThat(RunbookSteps.of(model))
                .extracting(RunbookStep::ref)
                .contains("health-checks.1", "service-restart.1");
    }

    @Test
    void diagnosticsAreTheReadOnlyAssessmentBlocksOnly() {
        for (String name : List.of(
                "000_2eb0fdaed66d6d32.txt",
                "001_8d4f2d1022c3b380.txt",
                "002_e59b4eb987172cd9.txt",
                "003_3954d519392b4fc5.txt",
                "004_1429f39c99ec3357.txt")) {
            List<RunbookStep> diagnostics = OpenDiagnostics.diagnosticSteps(seed(name));
            assertThat(diagnostics).as(name).hasSizeLessThanOrEqualTo(OpenDiagnostics.MAX_STEPS);
            assertThat(diagnostics)
                    .as(name)
                    .allMatch(s ->
                            s.risk() == RiskClass.READ_ONLY && s.placeholders().isEmpty());
        }
        assertThat(OpenDiagnostics.diagnosticSteps(seed("002_e59b4eb987172cd9.txt")))
                .extracting(RunbookStep::ref)
                .contains("health-checks.1");
    }
}
