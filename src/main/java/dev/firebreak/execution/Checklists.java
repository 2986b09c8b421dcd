package dev.firebreak.execution;

import dev.firebreak.execution.internal.ChecklistStore;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineDetail;
import dev.firebreak.incident.TimelineDetail.ChecklistChanged.Change;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.UserAccounts;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A runbook's procedures as checklists on an incident: tick, skip with a reason, assign. All on the timeline. */
@Service
public class Checklists {
    private final ChecklistStore store;
    private final Incidents incidents;
    private final RunbookLibrary library;
    private final UserAccounts users;
    private final Clock clock;

    Checklists(ChecklistStore store, Incidents incidents, RunbookLibrary library, UserAccounts users, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.library = library;
        this.users = users;
        this.clock = clock;
    }

    public List<ProcedureChecklist> forIncident(long incidentId) {
        Incident incident = incidents.get(incidentId);
        if (incident.runbookSlug() == null) {
            return List.of();
        }
        RunbookModel model = library.get(incident.runbookSlug()).model();
        Map<String, ChecklistStore.Row> rows = store.forIncident(incidentId).stream()
                .collect(Collectors.toMap(r -> r.procedure() + "#" + r.step(), Function.identity()));
        List<RunbookStep> runnable = RunbookSteps.of(model);
        List<ProcedureChecklist> lists = new ArrayList<>();
        for (RunbookModel.Procedure p : model.procedures()) {
            List<ChecklistStep> steps = new ArrayList<>();
            for (int i = 0; i < p.steps().size(); i++) {
                RunbookModel.Step step = p.steps().get(i);
                List<String> refs = runnable.stream()
                        .filter(r -> step.commands().contains(r.code()))
                        .map(RunbookStep::ref)
                        .toList();
                ChecklistStore.Row row = rows.get(p.anchor() + "#" + (i + 1));
                steps.add(
                        row == null
                                ? new ChecklistStep(
                                        i + 1, step.text(), refs, ChecklistStep.State.OPEN, null, null, null, null)
                                : new ChecklistStep(
                                        i + 1,
                                        step.text(),
                                        refs,
                                        ChecklistStep.State.valueOf(row.state()),
                                        row.reason(),
                                        row.assignee(),
                                        row.changedBy(),
                                        row.changedAt()));
            }
            lists.add(new ProcedureChecklist(p.anchor(), p.title(), p.symptoms(), List.copyOf(steps)));
        }
        return lists;
    }

    /** Progress of each incident that touched its checklist; the others are absent. */
    public Map<Long, ChecklistProgress> progress(List<Incident> list) {
        Map<Long, List<ChecklistStore.Row>> byIncident =
                store.forIncidents(list.stream().map(Incident::id).toList()).stream()
                        .collect(Collectors.groupingBy(ChecklistStore.Row::incidentId));
        Map<Long, ChecklistProgress> progress = new HashMap<>();
        for (Incident incident : list) {
            List<ChecklistStore.Row> rows = byIncident.get(incident.id());
            if (rows == null || incident.runbookSlug() == null) {
                continue;
            }
            try {
                RunbookModel model = library.get(incident.runbookSlug()).model();
                long total = 0;
                long finished = 0;
                for (RunbookModel.Procedure p : model.procedures()) {
                    // A step the runbook no longer has (it was edited since) does not count.
                    List<ChecklistStore.Row> touched = rows.stream()
                            .filter(r -> r.procedure().equals(p.anchor())
                                    && r.step() <= p.steps().size())
                            .toList();
                    if (!touched.isEmpty()) {
                        total += p.steps().size();
                        finished += touched.stream()
                                .filter(r -> !"OPEN".equals(r.state()))
                                .count();
                    }
                }
                if (total > 0) {
                    progress.put(incident.id(), new ChecklistProgress(finished, total));
                }
            } catch (FirebreakException.NotFound gone) {
                // the runbook was deleted: no progress to show
            }
        }
        return progress;
    }

    /**
     * Changes step {@code index} (from 1) of {@code procedure}: DONE, SKIPPED (a reason is needed),
     * ASSIGNED (to {@code assignee}) or REOPENED.
     */
    @Transactional
    public ProcedureChecklist change(
            long incidentId, String procedure, int index, Change change, String reason, String assignee, String actor) {
        ProcedureChecklist list = forIncident(incidentId).stream()
                .filter(p -> p.anchor().equals(procedure))
                .findFirst()
                .orElseThrow(() -> new FirebreakException.NotFound("the runbook has no procedure " + procedure));
        if (index < 1 || index > list.steps().size()) {
            throw new FirebreakException.BadInput(
                    "step", procedure + " has steps 1 to " + list.steps().size() + ", not " + index);
        }
        ChecklistStep current = list.steps().get(index - 1);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 1000) {
            throw new FirebreakException.BadInput("reason", "reason must be at most 1000 characters");
        }
        String who = current.assignee();
        ChecklistStep.State state = current.state();
        switch (change) {
            case DONE -> state = ChecklistStep.State.DONE;
            case SKIPPED -> {
                if (why == null) {
                    throw new FirebreakException.BadInput("reason", "skipping a step needs a reason");
                }
                state = ChecklistStep.State.SKIPPED;
            }
            case REOPENED -> state = ChecklistStep.State.OPEN;
            case ASSIGNED -> {
                if (assignee == null || users.find(assignee.strip()).isEmpty()) {
                    throw new FirebreakException.BadInput("assignee", "no user named '" + assignee + "'");
                }
                who = assignee.strip();
            }
        }
        store.put(new ChecklistStore.Row(incidentId, procedure, index, state.name(), why, who, actor, clock.instant()));
        String text =
                switch (change) {
                    case DONE -> "done: ";
                    case SKIPPED -> "skipped (" + why + "): ";
                    case REOPENED -> "opened again: ";
                    case ASSIGNED -> "assigned to " + who + ": ";
                };
        incidents.record(
                incidentId,
                actor,
                text + list.title() + " step " + index + " " + abbreviate(current.text()),
                new TimelineDetail.ChecklistChanged(procedure, index, current.text(), change, why, who));
        return forIncident(incidentId).stream()
                .filter(p -> p.anchor().equals(procedure))
                .findFirst()
                .orElseThrow();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }
}
