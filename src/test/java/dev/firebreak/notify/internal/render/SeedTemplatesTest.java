package dev.firebreak.notify.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.IncidentState;
import dev.firebreak.notify.RenderedTemplate;
import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookParser;
import dev.firebreak.support.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every placeholder in the seeds' communication templates (../shared/seeds), the field it maps
 * to, and each template rendered for a sample incident: the mapped ones are filled, the rest stay
 * as written and are listed.
 */
class SeedTemplatesTest {
    static final Instant OPENED = Instant.parse("2026-12-02T03:12:04Z");
    static final Instant NOW = Instant.parse("2026-12-02T04:37:09Z");

    /** seed file prefix -> template kind -> placeholder as written -> field (null: none). */
    static final Map<String, Map<String, List<Object[]>>> EXPECTED = Map.of(
            "001",
            Map.of(
                    "initial",
                    List.of(
                            new Object[] {"INVESTIGATING", Slot.STATE},
                            new Object[] {"$(date -u)", Slot.STARTED},
                            new Object[] {"@your-name", Slot.COMMANDER},
                            new Object[] {"@sme-name", null}),
                    "update",
                    List.of(
                            new Object[] {"$(date -u)", Slot.NOW},
                            new Object[] {"INVESTIGATING → IDENTIFIED", Slot.STATE}),
                    "resolution",
                    List.of(
                            new Object[] {"$(date -u)", Slot.NOW},
                            new Object[] {"X hours Y minutes", Slot.DURATION},
                            new Object[] {"Brief description", null},
                            new Object[] {"Brief description", null},
                            new Object[] {"Detailed impact description", Slot.IMPACT},
                            new Object[] {"Steps taken to prevent recurrence", null},
                            new Object[] {"Date/Time", null},
                            new Object[] {"Link to incident report", Slot.URL})),
            "002",
            Map.of(
                    "initial",
                    List.of(
                            new Object[] {"[SEV-X]", Slot.SEVERITY},
                            new Object[] {"[Brief description]", Slot.TITLE},
                            new Object[] {"[User impact]", Slot.IMPACT},
                            new Object[] {"Investigating", Slot.STATE},
                            new Object[] {"[On-call engineer]", Slot.RESPONDER},
                            new Object[] {"[Timestamp]", Slot.STARTED}),
                    "update",
                    List.of(
                            new Object[] {"[SEV-X]", Slot.SEVERITY},
                            new Object[] {"[Brief description]", Slot.TITLE},
                            new Object[] {"[What was discovered/attempted]", Slot.UPDATE},
                            new Object[] {"[What's being tried next]", null},
                            new Object[] {"[Expected resolution time]", null},
                            new Object[] {"[Current owner]", Slot.RESPONDER}),
                    "resolution",
                    List.of(
                            new Object[] {"[SEV-X]", Slot.SEVERITY},
                            new Object[] {"[Brief description]", Slot.TITLE},
                            new Object[] {"[How it was fixed]", null},
                            new Object[] {"[Total time]", Slot.DURATION},
                            new Object[] {"[If known]", null},
                            new Object[] {"[Tracking item for post-mortem]", null})));

    static Facts sample(IncidentState state, IncidentState previous) {
        return new Facts(
                77,
                "Compiler pods crash-looping",
                "SEV-2",
                state,
                previous,
                "photon-compiler",
                "incident-response",
                "https://firebreak.example/incidents/77",
                OPENED,
                state == IncidentState.RESOLVED ? NOW : null,
                NOW,
                "alice",
                "carol",
                "dave",
                "Compilation requests fail",
                "restarted the compiler");
    }

    @Test
    void everySeedPlaceholder_mapsAsListed() throws IOException {
        for (Map.Entry<Path, RunbookModel> seed : seeds().entrySet()) {
            String prefix = seed.getKey().getFileName().toString().substring(0, 3);
            Map<String, List<Object[]>> expected = EXPECTED.getOrDefault(prefix, Map.of());
            List<String> kinds = new ArrayList<>();
            for (Moment moment : Moment.values()) {
                moment.pick(seed.getValue().templates()).ifPresent(t -> {
                    kinds.add(t.kind());
                    List<String> found = TemplateScanner.scan(t.body()).stream()
                            .map(p -> p.raw() + " -> " + p.slot())
                            .toList();
                    assertThat(found)
                            .as(prefix + " " + t.kind())
                            .containsExactlyElementsOf(expected.get(t.kind()).stream()
                                    .map(e -> e[0] + " -> " + e[1])
                                    .toList());
                });
            }
            assertThat(kinds).as(prefix).containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
    }

    @Test
    void everySeedTemplate_rendersWithEveryMappedPlaceholderFilled() throws IOException {
        for (Map.Entry<Path, RunbookModel> seed : seeds().entrySet()) {
            for (Moment moment : Moment.values()) {
                var template = moment.pick(seed.getValue().templates());
                if (template.isEmpty()) {
                    continue;
                }
                IncidentState state = moment.state();
                RenderedTemplate rendered = TemplateRenderer.render(
                        template.get().name(),
                        template.get().kind(),
                        template.get().body(),
                        sample(state, moment == Moment.INITIAL ? null : IncidentState.TRIGGERED));
                List<String> unmapped = TemplateScanner.scan(template.get().body()).stream()
                        .filter(p -> p.slot() == null)
                        .map(Placeholder::raw)
                        .distinct()
                        .toList();
                String where = seed.getKey().getFileName() + " " + moment.kind();
                assertThat(rendered.unfilled()).as(where).containsExactlyElementsOf(unmapped);
                // No bracketed placeholder with a mapping is left: every [...] still in the text is unmapped.
                java.util.regex.Matcher left =
                        java.util.regex.Pattern.compile("\\[[^\\]\\n]+\\]").matcher(rendered.text());
                while (left.find()) {
                    assertThat(unmapped).as(where).contains(left.group());
                }
                for (String raw : unmapped) {
                    assertThat(rendered.text()).as(where).contains(raw);
                }
            }
        }
    }

    @Test
    void theTemplatesOwnWords_stay() throws IOException {
        RunbookModel photon = model("001");
        RenderedTemplate initial = TemplateRenderer.render(
                "i",
                "initial",
                Moment.INITIAL.pick(photon.templates()).orElseThrow().body(),
                sample(IncidentState.TRIGGERED, null));
        assertThat(initial.text())
                .contains("🚨 INCIDENT: PhotonMLIR P0 - Service Outage")
                .contains("Status: TRIGGERED\nStarted: 2026-12-02T03:12:04Z\n")
                .contains("Impact: Complete service unavailability\nETA: TBD")
                .contains("IC: @carol\nSME: @sme-name")
                .contains("Updates every 15 minutes in #incident-channel");
        RenderedTemplate update = TemplateRenderer.render(
                "u",
                "update",
                Moment.UPDATE.pick(photon.templates()).orElseThrow().body(),
                sample(IncidentState.ACKNOWLEDGED, IncidentState.TRIGGERED));
        assertThat(update.text())
                .startsWith("📊 INCIDENT UPDATE - 2026-12-02T04:37:09Z")
                .contains("Status: TRIGGERED → ACKNOWLEDGED");
        RenderedTemplate lab = TemplateRenderer.render(
                "i",
                "initial",
                Moment.INITIAL.pick(model("002").templates()).orElseThrow().body(),
                sample(IncidentState.TRIGGERED, null));
        assertThat(lab.text())
                .contains("Severity: SEV-2\nService: Counterfactual Lab\nIssue: Compiler pods crash-looping\n")
                .contains("Status: Triggered\nOwner: alice\nStarted: 2026-12-02T03:12:04Z");
        assertThat(lab.unfilled()).isEmpty();
    }

    @Test
    void seedsWithoutTemplates_haveNoTemplateFindings_theOthersListTheirUnmappedOnes() throws IOException {
        for (Map.Entry<Path, RunbookModel> seed : seeds().entrySet()) {
            String prefix = seed.getKey().getFileName().toString().substring(0, 3);
            List<String> expected = EXPECTED.getOrDefault(prefix, Map.of()).values().stream()
                    .flatMap(List::stream)
                    .filter(e -> e[1] == null)
                    .map(e -> (String) e[0])
                    .distinct()
                    .sorted()
                    .toList();
            List<RunbookModel.Finding> findings = TemplateFindings.of(seed.getValue());
            assertThat(findings).allSatisfy(f -> {
                assertThat(f.rule()).isEqualTo("template-placeholder");
                assertThat(f.severity()).isEqualTo("warning");
                assertThat(f.line()).isPositive();
            });
            assertThat(findings.stream()
                            .map(f -> expected.stream()
                                    .filter(raw -> f.message().contains(": " + raw + " "))
                                    .findFirst()
                                    .orElse(f.message()))
                            .distinct()
                            .sorted()
                            .toList())
                    .as(prefix)
                    .containsExactlyElementsOf(expected);
        }
        // The line points into the file: 002's [What's being tried next] is on line 237.
        RunbookModel lab = model("002");
        assertThat(TemplateFindings.of(lab))
                .filteredOn(f -> f.message().contains("[What's being tried next]"))
                .singleElement()
                .satisfies(f -> assertThat(Files.readAllLines(seedFile("002")).get(f.line() - 1))
                        .contains("[What's being tried next]"));
    }

    static RunbookModel model(String prefix) throws IOException {
        return new RunbookParser().parse(seedFile(prefix));
    }

    static Path seedFile(String prefix) throws IOException {
        return seeds().keySet().stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    static Map<Path, RunbookModel> seeds() throws IOException {
        Path dir = SharedData.root().resolve("seeds");
        Assumptions.assumeTrue(Files.isDirectory(dir), "seeds " + dir.toAbsolutePath() + " are absent; skipping");
        Map<Path, RunbookModel> models = new LinkedHashMap<>();
        RunbookParser parser = new RunbookParser();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                models.put(file, parser.parse(file));
            }
        }
        assertThat(models).hasSize(5);
        return models;
    }
}
