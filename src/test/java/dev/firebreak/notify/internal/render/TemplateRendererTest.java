package dev.firebreak.notify.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.IncidentState;
import dev.firebreak.notify.RenderedTemplate;
import dev.firebreak.notify.RenderedTemplate.Fill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    static RenderedTemplate render(String body, Facts facts) {
        return TemplateRenderer.render("t", "initial", body, facts);
    }

    static Facts facts() {
        return SeedTemplatesTest.sample(IncidentState.TRIGGERED, null);
    }

    @Test
    void aCommand_isNeverRun_itStaysAsWrittenAndIsListed() {
        Path marker = Path.of("target", "never-run-" + System.nanoTime());
        String body = "Cleanup: $(rm -rf /)\nThen $(touch " + marker + ") and ${HOME} and $(date -u)\n";

        RenderedTemplate rendered = render(body, facts());

        assertThat(rendered.text())
                .isEqualTo("Cleanup: $(rm -rf /)\nThen $(touch " + marker + ") and ${HOME} and "
                        + "2026-12-02T04:37:09Z\n");
        assertThat(rendered.unfilled()).containsExactly("$(rm -rf /)", "$(touch " + marker + ")", "${HOME}");
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void valuesAreNotScannedAgain() {
        Facts facts = new Facts(
                5,
                "[SEV-X] $(date -u) @your-name",
                "P1",
                IncidentState.TRIGGERED,
                null,
                null,
                null,
                "u",
                SeedTemplatesTest.OPENED,
                null,
                SeedTemplatesTest.NOW,
                "bob",
                null,
                null,
                null,
                null);

        RenderedTemplate rendered = render("Issue: [Brief description] [SEV-X]", facts);

        assertThat(rendered.text()).isEqualTo("Issue: [SEV-X] $(date -u) @your-name P1");
        assertThat(rendered.unfilled()).isEmpty();
    }

    @Test
    void aFieldTheIncidentLacks_leavesThePlaceholderVisibleAndListed() {
        Facts facts = new Facts(
                5,
                "t",
                null,
                IncidentState.TRIGGERED,
                null,
                null,
                null,
                "u",
                SeedTemplatesTest.OPENED,
                null,
                SeedTemplatesTest.NOW,
                "bob",
                null,
                null,
                null,
                null);

        RenderedTemplate rendered =
                render("IC: @your-name\nSeverity: [SEV-X]\nImpact: [User impact]\nOwner: @your-name", facts);

        assertThat(rendered.text()).isEqualTo("IC: @your-name\nSeverity: [SEV-X]\nImpact: [User impact]\nOwner: @bob");
        assertThat(rendered.unfilled()).containsExactly("@your-name", "[SEV-X]", "[User impact]");
        assertThat(rendered.parts())
                .filteredOn(p -> p.fill() == Fill.UNFILLED)
                .extracting(RenderedTemplate.Part::field)
                .containsExactly("incident commander", "severity", "impact");
    }

    @Test
    void linksCheckboxesTagsAndRealHandles_areTheTemplatesWords() {
        String body = "[RESOLVED] see [the runbook](https://x.example/r) and [docs][ref]\n- [ ] follow up\n- [x] done\n"
                + "cc @photon-team <br> mail ops@example.com #incident-channel\n";

        RenderedTemplate rendered = render(body, facts());

        assertThat(rendered.text()).isEqualTo(body);
        assertThat(rendered.unfilled()).isEmpty();
    }

    @Test
    void otherNotations_mapByTheirWords() {
        RenderedTemplate rendered = render(
                "{{severity}} <incident-id> ${SERVICE} {{ runbook }} [Incident link] [Commander] [Comms lead] [Status]",
                facts());

        assertThat(rendered.text())
                .isEqualTo(
                        "SEV-2 77 photon-compiler incident-response https://firebreak.example/incidents/77 carol dave"
                                + " Triggered");
    }

    @Test
    void aLabelDecides_whenThePlaceholderIsTheWholeValue() {
        RenderedTemplate rendered = render(
                "Started: $(date)\nUpdated: $(date)\nRoot Cause: [Brief description]\nSummary: [Brief description]\n"
                        + "Note: [Brief description] at [Timestamp]\n",
                facts());

        assertThat(rendered.text())
                .isEqualTo("Started: 2026-12-02T03:12:04Z\nUpdated: 2026-12-02T04:37:09Z\n"
                        + "Root Cause: [Brief description]\nSummary: Compiler pods crash-looping\n"
                        + "Note: Compiler pods crash-looping at 2026-12-02T03:12:04Z\n");
        assertThat(rendered.unfilled()).containsExactly("[Brief description]");
    }

    @Test
    void aStatusLine_takesTheIncidentsStateInTheTemplatesCase() {
        Facts resolved = SeedTemplatesTest.sample(IncidentState.RESOLVED, IncidentState.ACKNOWLEDGED);

        assertThat(render("Status: investigating\nState: IDENTIFIED -> MONITORING\n", resolved)
                        .text())
                .isEqualTo("Status: resolved\nState: ACKNOWLEDGED -> RESOLVED\n");
        // Prose after a status label is the template's own words.
        assertThat(render("Current Status: Service restored, monitoring\n", resolved)
                        .text())
                .isEqualTo("Current Status: Service restored, monitoring\n");
    }

    @Test
    void durations_readAsPeopleSayThem() {
        Instant opened = SeedTemplatesTest.OPENED;
        Facts facts = new Facts(
                1,
                "t",
                null,
                IncidentState.RESOLVED,
                null,
                null,
                null,
                "u",
                opened,
                opened.plusSeconds(26 * 3600 + 60),
                opened.plusSeconds(99_999),
                null,
                null,
                null,
                null,
                null);

        assertThat(render("Duration: [Total time]", facts).text()).isEqualTo("Duration: 1 day 2 hours 1 minute");
    }
}
