package dev.firebreak.execution;

import dev.firebreak.runbook.RiskClass;
import dev.firebreak.runbook.RunbookModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runnable commands of a runbook: code blocks the model classed by risk. Data blocks, templates
 * and contact tables have no risk and are not commands. Each is named by its section and place.
 */
public final class RunbookSteps {
    private RunbookSteps() {}

    public static List<RunbookStep> of(RunbookModel model) {
        List<RunbookStep> steps = new ArrayList<>();
        Map<String, Integer> perSection = new HashMap<>();
        for (RunbookModel.Command command : model.commands()) {
            if (command.risk() == null) {
                continue;
            }
            String section = command.section() == null || command.section().isBlank() ? "top" : command.section();
            int n = perSection.merge(section, 1, Integer::sum);
            steps.add(new RunbookStep(
                    section + "." + n,
                    section,
                    command.line(),
                    command.language(),
                    command.code(),
                    RiskClass.of(command.risk()),
                    command.reasons() == null ? List.of() : List.copyOf(command.reasons()),
                    CommandParameters.find(command.code()).stream()
                            .map(CommandParameters.Placeholder::token)
                            .toList()));
        }
        return List.copyOf(steps);
    }

    public static Optional<RunbookStep> find(RunbookModel model, String ref) {
        return of(model).stream().filter(s -> s.ref().equals(ref)).findFirst();
    }

    /** The steps whose code is one of a procedure step's commands, in the procedure's order. */
    public static List<RunbookStep> forProcedure(RunbookModel model, RunbookModel.Procedure procedure) {
        List<RunbookStep> all = of(model);
        List<RunbookStep> found = new ArrayList<>();
        for (RunbookModel.Step step : procedure.steps()) {
            for (String code : step.commands()) {
                all.stream()
                        .filter(s -> s.code().equals(code) && !found.contains(s))
                        .findFirst()
                        .ifPresent(found::add);
            }
        }
        return found;
    }
}
