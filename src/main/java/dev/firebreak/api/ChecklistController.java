package dev.firebreak.api;

import dev.firebreak.execution.Checklists;
import dev.firebreak.execution.ProcedureChecklist;
import dev.firebreak.execution.Triage;
import dev.firebreak.execution.TriageWalk;
import dev.firebreak.incident.TimelineDetail.ChecklistChanged.Change;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookModel;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An incident's procedure checklists and triage walks ({@code /api/v1/incidents/{id}/checklist|triage}). */
@RestController
@RequestMapping("/api/v1/incidents/{id}")
class ChecklistController {
    private final Checklists checklists;
    private final Triage triage;

    ChecklistController(Checklists checklists, Triage triage) {
        this.checklists = checklists;
        this.triage = triage;
    }

    /** @param change done, skipped (with reason), assigned (with assignee) or reopened */
    record ChangeBody(String change, String reason, String assignee) {}

    /** @param path each answer's child index, from the root, 0 first */
    record WalkBody(Integer tree, List<Integer> path) {}

    @GetMapping("/checklist")
    List<ProcedureChecklist> checklist(@PathVariable long id) {
        return checklists.forIncident(id);
    }

    @PostMapping("/checklist/{procedure}/{step}")
    ProcedureChecklist change(
            @PathVariable long id,
            @PathVariable String procedure,
            @PathVariable int step,
            @RequestBody(required = false) ChangeBody body,
            Principal principal) {
        if (body == null || body.change() == null) {
            throw new FirebreakException.BadInput(
                    "change", "the body needs change: done, skipped, assigned or reopened");
        }
        Change change;
        try {
            change = Change.valueOf(body.change().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FirebreakException.BadInput("change", "change must be done, skipped, assigned or reopened");
        }
        return checklists.change(id, procedure, step, change, body.reason(), body.assignee(), principal.getName());
    }

    @GetMapping("/triage")
    List<RunbookModel.DecisionTree> trees(@PathVariable long id) {
        return triage.trees(id);
    }

    @PostMapping("/triage")
    TriageWalk walk(@PathVariable long id, @RequestBody(required = false) WalkBody body, Principal principal) {
        if (body == null || body.path() == null || body.path().isEmpty()) {
            throw new FirebreakException.BadInput("path", "the body needs path: the answers' child indexes");
        }
        if (body.path().stream().anyMatch(java.util.Objects::isNull)) {
            throw new FirebreakException.BadInput("path", "path must hold numbers only");
        }
        return triage.record(id, body.tree() == null ? 0 : body.tree(), body.path(), principal.getName());
    }
}
