package dev.firebreak.web;

import dev.firebreak.execution.Checklists;
import dev.firebreak.execution.CommandRun;
import dev.firebreak.execution.CommandRuns;
import dev.firebreak.execution.ExecutionSwitches;
import dev.firebreak.execution.ProcedureChecklist;
import dev.firebreak.execution.RunbookStep;
import dev.firebreak.execution.RunbookSteps;
import dev.firebreak.execution.Triage;
import dev.firebreak.incident.IncidentAlert;
import dev.firebreak.incident.IncidentDetails;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.runbook.RunbookDocument;
import dev.firebreak.runbook.RunbookModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The incident page's runbook panel: the procedure for this alert as a checklist with its commands,
 * the triage walker, the other commands by section, and the runs with their output.
 */
@Component
class RunbookPanel {
    /** A section's runnable commands, for the panel's command list. */
    record SectionSteps(String section, List<RunbookStep> steps) {}

    /** Where the walker is: the node's label, its choices, and the path as {@code 0.1} for links. */
    record Walker(int tree, String label, List<String> choices, String path, boolean leaf, String target) {}

    private final Checklists checklists;
    private final CommandRuns runs;
    private final Triage triage;
    private final ExecutionSwitches switches;

    RunbookPanel(Checklists checklists, CommandRuns runs, Triage triage, ExecutionSwitches switches) {
        this.checklists = checklists;
        this.runs = runs;
        this.triage = triage;
        this.switches = switches;
    }

    void fill(Model model, IncidentDetails details, RunbookDocument runbook, String procedure, String walk) {
        if (runbook == null) {
            return;
        }
        long id = details.incident().id();
        RunbookModel m = runbook.model();
        List<ProcedureChecklist> lists = checklists.forIncident(id);
        ProcedureChecklist focus = focus(lists, m, details, procedure);
        List<RunbookStep> steps = RunbookSteps.of(m);
        Set<String> inFocus = focus == null
                ? Set.of()
                : focus.steps().stream().flatMap(s -> s.commands().stream()).collect(Collectors.toSet());
        Map<String, List<RunbookStep>> bySection = new LinkedHashMap<>();
        steps.stream().filter(s -> !inFocus.contains(s.ref())).forEach(s -> bySection
                .computeIfAbsent(s.section(), k -> new ArrayList<>())
                .add(s));
        List<CommandRun> all = runs.forIncident(id);
        model.addAttribute("focus", focus);
        model.addAttribute("procedures", lists);
        model.addAttribute(
                "stepsByRef", steps.stream().collect(Collectors.toMap(RunbookStep::ref, s -> s, (a, b) -> a)));
        model.addAttribute(
                "sections",
                bySection.entrySet().stream()
                        .map(e -> new SectionSteps(e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute("runs", all.reversed().stream().limit(20).toList());
        model.addAttribute(
                "canRun",
                details.incident().service() != null
                        && switches.find(details.incident().service())
                                .map(s -> s.enabled())
                                .orElse(false));
        model.addAttribute("walker", walker(id, m, walk));
    }

    private Walker walker(long id, RunbookModel m, String walk) {
        if (m.decisionTrees().isEmpty()) {
            return null;
        }
        List<Integer> path;
        RunbookModel.Node node;
        try {
            path = walk == null || walk.isBlank()
                    ? List.of()
                    : Arrays.stream(walk.split("\\.")).map(Integer::parseInt).toList();
            node = triage.node(id, 0, path);
        } catch (NumberFormatException | dev.firebreak.platform.FirebreakException bad) {
            path = List.of(); // a hand-edited link starts the walk again
            node = triage.node(id, 0, path);
        }
        return new Walker(
                0,
                node.label(),
                node.children().stream().map(RunbookModel.Node::label).toList(),
                path.stream().map(String::valueOf).collect(Collectors.joining(".")),
                node.children().isEmpty(),
                node.target());
    }

    /**
     * The procedure asked for, else the one the last triage walk led to, else the one whose title or
     * symptoms share the most words with the alerts' names and summaries (and the action of the
     * runbook's alert rule of that name).
     */
    private static ProcedureChecklist focus(
            List<ProcedureChecklist> lists, RunbookModel m, IncidentDetails details, String asked) {
        if (lists.isEmpty()) {
            return null;
        }
        if (asked != null) {
            for (ProcedureChecklist p : lists) {
                if (p.anchor().equals(asked)) {
                    return p;
                }
            }
        }
        for (TimelineEntry entry : details.timeline().reversed()) {
            if (entry.detail() instanceof TimelineDetail.TriageWalked walked && walked.target() != null) {
                for (ProcedureChecklist p : lists) {
                    if (p.anchor().equals(walked.target())) {
                        return p;
                    }
                }
            }
        }
        Set<String> words = new java.util.HashSet<>();
        for (IncidentAlert alert : details.alerts()) {
            words.addAll(words(alert.name()));
            words.addAll(words(alert.annotations().getOrDefault("summary", "")));
            // The runbook's own alert rule for this alert says what to do: its action names the procedure.
            for (RunbookModel.AlertRule rule : m.alertRules()) {
                if (rule.name() != null && rule.action() != null && rule.name().equalsIgnoreCase(alert.name())) {
                    words.addAll(words(rule.action()));
                }
            }
        }
        ProcedureChecklist best = null;
        long bestScore = 0;
        for (ProcedureChecklist p : lists) {
            long score = words(p.title() + " " + String.join(" ", p.symptoms())).stream()
                    .filter(words::contains)
                    .count();
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    private static Set<String> words(String text) {
        // Split camel case too: "SchemaGateFailed" shares "schema" with "Schema Issues".
        return Arrays.stream(text.replaceAll("([a-z])([A-Z])", "$1 $2")
                        .toLowerCase(Locale.ROOT)
                        .split("[^a-z0-9]+"))
                .filter(w -> w.length() > 3)
                .collect(Collectors.toSet());
    }
}
