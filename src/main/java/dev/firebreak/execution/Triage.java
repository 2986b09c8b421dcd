package dev.firebreak.execution;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision trees of an incident's runbook as questions: each answer picks a child, a leaf links
 * to a procedure, and the path taken goes on the timeline.
 */
@Service
public class Triage {
    private final Incidents incidents;
    private final RunbookLibrary library;

    Triage(Incidents incidents, RunbookLibrary library) {
        this.incidents = incidents;
        this.library = library;
    }

    public List<RunbookModel.DecisionTree> trees(long incidentId) {
        return model(incidents.get(incidentId)).decisionTrees();
    }

    /** The node reached by the answers so far ({@code path}: a child's index per answer, from 0). */
    public RunbookModel.Node node(long incidentId, int tree, List<Integer> path) {
        return walk(root(model(incidents.get(incidentId)), tree), path, null);
    }

    /** Records a finished walk: the answers must lead to a leaf. */
    @Transactional
    public TriageWalk record(long incidentId, int tree, List<Integer> path, String actor) {
        Incident incident = incidents.get(incidentId);
        RunbookModel model = model(incident);
        List<String> answers = new ArrayList<>();
        RunbookModel.Node node = walk(root(model, tree), path, answers);
        if (!node.children().isEmpty()) {
            throw new FirebreakException.BadInput("path", "the walk stops at a question: " + node.label());
        }
        String target = node.target() == null ? null : node.target().replaceFirst("^#", "");
        String procedure = model.procedures().stream()
                .filter(p -> p.anchor().equals(target))
                .map(RunbookModel.Procedure::title)
                .findFirst()
                .orElse(null);
        TriageWalk walk = new TriageWalk(incident.runbookSlug(), List.copyOf(answers), target, procedure);
        incidents.record(
                incidentId,
                actor,
                "triage: " + walk.text(),
                new TimelineDetail.TriageWalked(incident.runbookSlug(), walk.path(), target));
        return walk;
    }

    /** Follows the answers from {@code node}; each chosen question goes to {@code answers} if given. */
    private static RunbookModel.Node walk(RunbookModel.Node node, List<Integer> path, List<String> answers) {
        for (int i = 0; i < path.size(); i++) {
            int choice = path.get(i);
            if (choice < 0 || choice >= node.children().size()) {
                throw new FirebreakException.BadInput(
                        "path",
                        "answer " + (i + 1) + " must be 0 to "
                                + (node.children().size() - 1) + ", not " + choice);
            }
            node = node.children().get(choice);
            if (answers != null) {
                answers.add(question(node.label()) + " yes");
            }
        }
        return node;
    }

    /** "Schema Gate Failed? → Go to Schema Issues" asks "Schema Gate Failed?". */
    public static String question(String label) {
        int arrow = label.indexOf('→');
        return (arrow < 0 ? label : label.substring(0, arrow)).strip();
    }

    private static RunbookModel.Node root(RunbookModel model, int tree) {
        if (tree < 0 || tree >= model.decisionTrees().size()) {
            throw new FirebreakException.NotFound("the runbook has no decision tree " + tree);
        }
        return model.decisionTrees().get(tree).root();
    }

    private RunbookModel model(Incident incident) {
        if (incident.runbookSlug() == null) {
            throw new FirebreakException.Conflict("incident " + incident.id() + " has no runbook attached");
        }
        return library.get(incident.runbookSlug()).model();
    }
}
