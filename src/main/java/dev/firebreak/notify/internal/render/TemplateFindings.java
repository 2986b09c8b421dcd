package dev.firebreak.notify.internal.render;

import dev.firebreak.runbook.RunbookModel;
import dev.firebreak.runbook.RunbookModel.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The placeholders of a runbook's message templates that no incident field fills, worked out from
 * the templates alone: they stay as written in every message, so the runbook's author should know.
 */
public final class TemplateFindings {
    /** The rule name beside the parser's lint rules. */
    public static final String RULE = "template-placeholder";

    private TemplateFindings() {}

    public static List<Finding> of(RunbookModel model) {
        List<Finding> findings = new ArrayList<>();
        for (Moment moment : Moment.values()) {
            moment.pick(model.templates()).ifPresent(template -> {
                int fence = fenceLine(model, template);
                Set<String> seen = new HashSet<>();
                for (Placeholder p : TemplateScanner.scan(template.body())) {
                    if (p.slot() != null || !seen.add(p.raw())) {
                        continue;
                    }
                    String why = p.form() == Placeholder.Form.COMMAND
                            ? " is a command, and Firebreak never runs one"
                            : " matches no incident field";
                    findings.add(new Finding(
                            RULE,
                            "warning",
                            moment.kind() + " template '" + template.name() + "': " + p.raw() + why
                                    + "; messages show it as written",
                            fence <= 0 ? 0 : fence + 1 + line(template.body(), p.start())));
                }
            });
        }
        return findings;
    }

    /** The fence's line: the template is a fenced block, listed with its line among the commands. */
    private static int fenceLine(RunbookModel model, RunbookModel.Template template) {
        if (model.commands() == null) {
            return 0;
        }
        return model.commands().stream()
                .filter(c -> template.body().equals(c.code()))
                .mapToInt(RunbookModel.Command::line)
                .findFirst()
                .orElse(0);
    }

    private static int line(String body, int offset) {
        int n = 0;
        for (int i = 0; i < offset && i < body.length(); i++) {
            if (body.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
