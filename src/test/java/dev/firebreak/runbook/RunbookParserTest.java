package dev.firebreak.runbook;

import static dev.firebreak.runbook.RunbookTestFiles.flatten;
import static dev.firebreak.runbook.RunbookTestFiles.leaves;
import static dev.firebreak.runbook.RunbookTestFiles.parse;
import static dev.firebreak.runbook.RunbookTestFiles.parseFile;
import static dev.firebreak.runbook.RunbookTestFiles.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.firebreak.runbook.RunbookModel.Finding;
import dev.firebreak.runbook.RunbookModel.Link;
import dev.firebreak.runbook.RunbookModel.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookParserTest {

    @Test
    void titleIsTheFirstLevelOneHeadingElseFrontMatterElseFileName() {
        assertThat(parse("alert-style.md").title()).isEqualTo("KubePodCrashLooping");
        assertThat(parse("front-matter-only.md").title()).isEqualTo("Front Matter Title");
        assertThat(parseText("## Only a subheading\n").title()).isEqualTo("test.md");
    }

    @Test
    void frontMatterGoesToMetadataAndKeepsLineNumbers() {
        RunbookModel model = parse("alert-style.md");
        assertThat(model.metadata().frontMatter())
                .containsEntry("weight", 20L)
                .containsEntry("tags", List.of("kubernetes", "pods"))
                .doesNotContainKey("title");
        assertThat(model.sections().get(0).line()).isEqualTo(9);
        assertThat(parse("front-matter-only.md").metadata().owner()).isEqualTo("Platform Team");
    }

    @Test
    void metadataComesFromBoldKeyLines() {
        RunbookModel.Metadata m = parse("numbered-steps.md").metadata();
        assertThat(m.owner()).isEqualTo("Queue Team");
        assertThat(m.version()).isEqualTo("2.1");
        assertThat(m.lastUpdated()).isEqualTo("2024-01-15");
        assertThat(m.reviewSchedule()).isEqualTo("Quarterly");
    }

    @Test
    void reviewScheduleComesFromAReviewScheduleList() {
        RunbookModel model = parseText("# R\n\n### Review Schedule\n- Monthly: Review all runbooks\n- Quarterly: x\n");
        assertThat(model.metadata().reviewSchedule()).isEqualTo("Monthly");
    }

    @Test
    void placeholderLastUpdatedIsNullAndReported() {
        RunbookModel model = parse("severity-escalation.md");
        assertThat(model.metadata().lastUpdated()).isNull();
        assertThat(model.metadata().owner()).isEqualTo("SRE Team");
        assertThat(model.findings()).extracting(Finding::rule).contains("last-updated-invalid", "placeholder");
    }

    @Test
    void sectionsFormATreeWithGitHubAnchorsAndKinds() {
        RunbookModel model = parse("alert-style.md");
        assertThat(model.sections()).hasSize(1);
        Section root = model.sections().get(0);
        assertThat(root.children())
                .extracting(Section::title, Section::anchor, Section::level, Section::kind, Section::line)
                .containsExactly(
                        tuple("Meaning", "meaning", 2, "summary", 11),
                        tuple("Impact", "impact", 2, "impact", 15),
                        tuple("Diagnosis", "diagnosis", 2, "diagnosis", 19),
                        tuple("Mitigation", "mitigation", 2, "resolution", 28),
                        tuple("Mitigation", "mitigation-1", 2, "resolution", 33));
    }

    @Test
    void anchorsDropEmojiAndPunctuationLikeGitHub() {
        RunbookModel model = parseText("# 🚨 Emergency: Response!\n## Monitoring & Alerting\n## A\n## A\n## A-1\n");
        assertThat(flatten(model.sections()))
                .extracting(Section::anchor)
                .containsExactly("-emergency-response", "monitoring--alerting", "a", "a-1", "a-1-1");
    }

    @Test
    void headingTextDropsMarkupImagesAndStrikethroughTildesLikeMarkdownIt() {
        RunbookModel model = parseText("# ~~Old~~ *New* `code` ![img](i.png) [link](#x) ~single~&nbsp;\n");
        assertThat(model.sections().get(0).title()).isEqualTo("Old New code  link ~single~");
        assertThat(model.sections().get(0).anchor()).isEqualTo("old-new-code--link-single");
    }

    @Test
    void fenceInfoWordEndsAtAnyWhiteSpaceIncludingNoBreakSpace() {
        RunbookModel model = parseText("```Bash\u00a0title=x\nls\n```\n");
        assertThat(model.commands().get(0).language()).isEqualTo("bash");
    }

    @Test
    void sectionKindsRecognizeSynonyms() {
        RunbookModel model = parseText(
                "# T\n## Overview\n## Investigation\n## Diagnosis Steps\n## Common Fixes\n## Recovery\n## Symptoms\n"
                        + "## Prevention\n## Escalation\n## See Also\n## Random\n");
        assertThat(flatten(model.sections()).subList(1, 11))
                .extracting(Section::kind)
                .containsExactly(
                        "summary",
                        "diagnosis",
                        "diagnosis",
                        "resolution",
                        "resolution",
                        "symptoms",
                        "prevention",
                        "escalation",
                        "reference",
                        "other");
    }

    @Test
    void procedureFromBoldLabels() {
        RunbookModel model = parse("numbered-steps.md");
        RunbookModel.Procedure crashes = model.procedures().stream()
                .filter(p -> p.title().equals("Worker Crashes"))
                .findFirst()
                .orElseThrow();
        assertThat(crashes.anchor()).isEqualTo("worker-crashes");
        assertThat(crashes.symptoms()).containsExactly("Worker count decreasing", "OOMKilled in pod status");
        assertThat(crashes.steps()).hasSize(4);
        assertThat(crashes.steps().get(0).text()).isEqualTo("Check the pods:");
        assertThat(crashes.steps().get(0).commands()).containsExactly("kubectl get pods -l app=worker\n");
        assertThat(crashes.resolutionTarget().seconds()).isEqualTo(1800L);
        RunbookModel.Procedure backlog = model.procedures().stream()
                .filter(p -> p.title().equals("Queue Backlog"))
                .findFirst()
                .orElseThrow();
        assertThat(backlog.resolutionTarget().seconds()).isEqualTo(3600L);
        assertThat(model.findings()).anySatisfy(f -> assertThat(f.rule() + " " + f.message())
                .isEqualTo("missing-section procedure 'Queue Backlog' has no diagnosis section"));
    }

    @Test
    void procedureFromSubsectionsWithAResolutionTimeHeading() {
        RunbookModel model = parseText("# G\n## Disk Full\n### Symptoms\n- disk at 100%\n- writes fail\n"
                + "### Mitigation\n- delete old logs\n### Resolution Time\n< 2 hours\n");
        RunbookModel.Procedure p = model.procedures().get(0);
        assertThat(p.title()).isEqualTo("Disk Full");
        assertThat(p.symptoms()).containsExactly("disk at 100%", "writes fail");
        assertThat(p.steps()).extracting(RunbookModel.Step::text).containsExactly("delete old logs");
        assertThat(p.resolutionTarget().seconds()).isEqualTo(7200L);
    }

    @Test
    void procedureFromAlertSections() {
        RunbookModel.Procedure p = parse("alert-style.md").procedures().get(0);
        assertThat(p.title()).isEqualTo("KubePodCrashLooping");
        assertThat(p.symptoms()).containsExactly("Pod is in CrashLoop which means the app dies or is unresponsive.");
        assertThat(p.steps()).extracting(RunbookModel.Step::text).contains("Check pod events:");
    }

    @Test
    void severityLevelsFromTablesAndBoldLists() {
        assertThat(parse("severity-escalation.md").severityLevels())
                .extracting(
                        l -> l.name(), l -> l.label(), l -> l.responseTarget().seconds())
                .containsExactly(
                        tuple("P0", "Critical", 900L),
                        tuple("P1", "High", 3600L),
                        tuple("P3", "Low", 86400L),
                        tuple("SEV-1", "Critical", 300L),
                        tuple("SEV-2", "High", 900L));
    }

    @Test
    void severityLevelsFromHeadingsWithLists() {
        RunbookModel model = parseText("# R\n## Severities\n### SEV-1 (Critical)\n- Outage\n- Response: 5 min\n"
                + "### Low\n- Cosmetic\n- SLA: 1 week\n### Notes\n- Nothing here\n");
        assertThat(model.severityLevels())
                .extracting(l -> l.name(), l -> l.label(), l -> l.description(), l -> l.responseTarget()
                        .seconds())
                .containsExactly(tuple("SEV-1", "Critical", "Outage", 300L), tuple("Low", null, "Cosmetic", 604800L));
    }

    @Test
    void severityLevelsFromListsAndTablesKeepDocumentOrder() {
        RunbookModel model = parseText("# R\n**SEV-1 (Critical)**\n- Response: 5 min\n\n"
                + "| Level | Response Time |\n|---|---|\n| SEV-2 | 1 hour |\n\n**SEV-3 (Low)**\n- Response: 1 day\n");
        assertThat(model.severityLevels()).extracting(l -> l.name()).containsExactly("SEV-1", "SEV-2", "SEV-3");
    }

    @Test
    void escalationMatrixSplitsPathsOnArrowsIncludingMojibake() {
        List<RunbookModel.EscalationStep> matrix =
                parse("severity-escalation.md").escalationMatrix();
        assertThat(matrix)
                .extracting(
                        RunbookModel.EscalationStep::severity,
                        e -> e.responseTarget().seconds(),
                        e -> e.escalateAfter().seconds(),
                        RunbookModel.EscalationStep::path)
                .containsExactly(
                        tuple("P0 (Critical)", 300L, 900L, List.of("On-call", "Manager", "Director")),
                        tuple("High", 900L, 1800L, List.of("Primary", "Secondary")),
                        tuple("Low", 86400L, null, List.of("Primary", "Team")));
        assertThat(matrix.get(2).escalateAfter().text()).isEqualTo("Next sprint");
    }

    @Test
    void classificationsFromFailureTypeTables() {
        assertThat(parse("severity-escalation.md").classifications())
                .extracting(
                        c -> c.category(),
                        c -> c.severity(),
                        c -> c.responseTarget().seconds(),
                        c -> c.escalation())
                .containsExactly(
                        tuple("Schema Validation", "Critical", 0L, "Block merge"),
                        tuple("Documentation", "Low", null, "Docs team"));
    }

    @Test
    void contactsFromTablesAndLists() {
        RunbookModel model = parse("severity-escalation.md");
        assertThat(model.contacts())
                .extracting(c -> c.topic(), c -> c.contact())
                .containsExactly(
                        tuple("Critical Security", "@security-team"),
                        tuple("General Issues", "@maintainers"),
                        tuple("Primary On-Call", "ML Platform Team"),
                        tuple("Phone", "[Phone Number]"));
        assertThat(model.contacts().get(0).responseTarget().seconds()).isEqualTo(900L);
        assertThat(model.findings()).anySatisfy(f -> assertThat(f.line() + " " + f.message())
                .isEqualTo("45 unfilled placeholder in contact: [Phone Number]"));
    }

    @Test
    void decisionTreesFromBoxDrawingAndNestedLists() {
        RunbookModel model = parse("numbered-steps.md");
        assertThat(model.decisionTrees()).hasSize(2);
        RunbookModel.Node box = model.decisionTrees().get(0).root();
        assertThat(box.label()).isEqualTo("Queue Problem? → Start Here");
        assertThat(leaves(box))
                .extracting(RunbookModel.Node::target)
                .containsExactly("#worker-crashes", "#scheduling", "#queue-backlog");
        RunbookModel.Node list = model.decisionTrees().get(1).root();
        assertThat(list.label()).isEqualTo("Is the API up?");
        assertThat(list.children()).extracting(RunbookModel.Node::label).containsExactly("No: see API Down", "Yes");
        assertThat(list.children().get(0).target()).isEqualTo("#api-down");
        assertThat(list.children().get(1).children().get(0).target()).isEqualTo("./latency.md");
    }

    @Test
    void alertRulesFromPromqlBlocksWithActions() {
        assertThat(parse("numbered-steps.md").alertRules())
                .extracting(r -> r.name(), r -> r.expr(), r -> r.severity(), r -> r.action())
                .containsExactly(
                        tuple(
                                "No Active Workers",
                                "queue_active_workers == 0",
                                "critical",
                                "Restart workers immediately"),
                        tuple("Backlog Growing", "queue_pending_tasks > 1000", "warning", "Scale up workers"));
    }

    @Test
    void promqlWithoutAnActionRightAfterItIsNoAlertRule() {
        RunbookModel model =
                parseText("# T\n## Diagnosis\n```promql\nrate(x[5m])\n```\n\n**Resolution:**\n1. Scale up\n\n"
                        + "Some prose.\n\n- **Action**: far away\n");
        assertThat(model.alertRules()).isEmpty();
    }

    @Test
    void templatesUnderCommunicationHeadingsWithKinds() {
        RunbookModel model = parse("severity-escalation.md");
        assertThat(model.templates())
                .extracting(RunbookModel.Template::name, RunbookModel.Template::kind)
                .containsExactly(
                        tuple("Initial Notification", "initial"),
                        tuple("Progress Updates", "update"),
                        tuple("Resolution Notification", "resolution"),
                        tuple("Post-Mortem Report", "postmortem"));
        assertThat(model.templates().get(0).body()).startsWith("🚨 INCIDENT");
    }

    @Test
    void everyFencedBlockIsACommandWithLanguageSectionAndLine() {
        RunbookModel model = parse("numbered-steps.md");
        assertThat(model.commands())
                .extracting(c -> c.language(), c -> c.section(), c -> c.line())
                .containsExactly(
                        tuple("text", "triage-decision-tree", 10),
                        tuple("bash", "worker-crashes", 35),
                        tuple("bash", "worker-crashes", 39),
                        tuple("bash", "queue-backlog", 57),
                        tuple("promql", "critical-alerts", 68),
                        tuple("promql", "warning-alerts", 76),
                        tuple("bash", "cleanup", 84),
                        tuple("json", "cleanup", 89));
        assertThat(model.commands().get(0).risk()).isNull();
        assertThat(model.commands().get(7).risk()).isNull();
        assertThat(model.commands().get(7).reasons()).isEmpty();
        assertThat(model.commands().get(1).risk()).isNotNull();
    }

    @Test
    void unlabelledBlocksGetAGuessedLanguage() {
        RunbookModel model = parseText("# T\n```\nkubectl get pods\n```\n```\n{\"a\": 1}\n```\n"
                + "```\nkey: value\nlist:\n  - a\n```\n```\nrate(http_requests_total[5m])\n```\n"
                + "```\nStatus: INVESTIGATING\nUpdates every 15 minutes\n```\n" + "```\nERROR\nWARN\n```\n"
                + "```\nup{job=\"api\"} == 0\nnode_load1 > 4\n```\n");
        assertThat(model.commands())
                .extracting(RunbookModel.Command::language)
                .containsExactly("bash", "json", "yaml", "promql", "text", "text", "promql");
    }

    @Test
    void linksAreClassifiedAndResolved() {
        RunbookModel model = parseFile("alert-style.md");
        assertThat(model.links())
                .extracting(Link::target, Link::kind, Link::resolved)
                .containsExactly(
                        tuple("https://kubernetes.io/docs/tasks/debug/#debugging-pods", "external", null),
                        tuple("../general/overview.md", "relative", false),
                        tuple("#impact", "anchor", true),
                        tuple("#no-such-heading", "anchor", false));
        assertThat(model.findings()).extracting(Finding::rule).contains("broken-anchor", "missing-file");
        assertThat(parse("alert-style.md").links().get(1).resolved()).isNull();
    }

    @Test
    void bareUrlsAndDecisionTreeTargetsAreLinks() {
        RunbookModel model = parse("numbered-steps.md");
        assertThat(model.links())
                .extracting(Link::target)
                .contains("#worker-crashes", "#scheduling", "#queue-backlog", "#api-down", "./latency.md");
        assertThat(model.findings())
                .filteredOn(f -> f.rule().equals("broken-anchor"))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("#scheduling"))
                .anySatisfy(m -> assertThat(m).contains("#api-down"));
        RunbookModel urls = parseText("# T\n\nDashboard: https://grafana.example.com/d/x and `https://not.a.link`\n");
        assertThat(urls.links())
                .extracting(Link::target, Link::kind)
                .containsExactly(tuple("https://grafana.example.com/d/x", "external"));
    }

    @Test
    void linkTargetsArePercentEncodedLikeCommonMarkRenderers() {
        RunbookModel model = parseText("# T\n[a](<my file.md>) [b](https://x.example/ä?q=[1])\n");
        assertThat(model.links())
                .extracting(Link::target)
                .containsExactly("my%20file.md", "https://x.example/%C3%A4?q=%5B1%5D");
    }

    @Test
    void mojibakeIsRepairedEverywhereAndReportedOnce() {
        RunbookModel model = parse("severity-escalation.md");
        assertThat(model.findings())
                .filteredOn(f -> f.rule().equals("mojibake"))
                .hasSize(1);
        assertThat(model.escalationMatrix().get(1).path()).containsExactly("Primary", "Secondary");
        assertThat(model.templates().get(2).body()).startsWith("✅");
        assertThat(parseText("# Café crème — naïve\n").findings()).isEmpty();
    }

    @Test
    void staleRunbooksAreReportedAgainstTheInjectedClock() {
        RunbookModel model = parse("numbered-steps.md");
        assertThat(model.findings())
                .filteredOn(f -> f.rule().equals("stale"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2024-01-15").contains("92 days"));
        RunbookParser later = new RunbookParser(
                java.time.Clock.fixed(java.time.Instant.parse("2024-02-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        assertThat(later.parse("n.md", RunbookTestFiles.bytes("numbered-steps.md"), null)
                        .findings())
                .noneMatch(f -> f.rule().equals("stale"));
    }

    @Test
    void durationsFollowTheSpecTable() {
        String[][] cases = {
            {"Immediate", "0"},
            {"Immediately", "0"},
            {"< 30 minutes", "1800"},
            {"1 hour", "3600"},
            {"2 hours", "7200"},
            {"Next business day", "86400"},
            {"1 day", "86400"},
            {"24 hours", "86400"},
            {"1 week", "604800"},
            {"1 month", "2592000"},
            {"5 min", "300"},
            {"Next sprint", null},
            {"TBD", null},
            {"< 1 hour (non-critical), Immediate (critical)", "3600"},
            {"Immediate (5 minutes)", "300"}
        };
        for (String[] c : cases) {
            RunbookModel.Duration d = dev.firebreak.runbook.internal.parse.DurationPhrase.of(c[0]);
            assertThat(d.text()).isEqualTo(c[0]);
            assertThat(d.seconds()).as(c[0]).isEqualTo(c[1] == null ? null : Long.valueOf(c[1]));
        }
    }
}
