package dev.firebreak.execution;

import dev.firebreak.runbook.RiskClass;
import java.util.List;

/**
 * A runnable command of a runbook, as the responder sees it.
 *
 * @param ref its name in the runbook: the section's anchor and its place there, {@code schema-issues.2}
 * @param placeholders the placeholders as written ({@code <pod-name>}, {@code $NAMESPACE})
 */
public record RunbookStep(
        String ref,
        String section,
        int line,
        String language,
        String code,
        RiskClass risk,
        List<String> reasons,
        List<String> placeholders) {

    public Gate gate() {
        return Gate.of(risk);
    }

    /** Names this text and risk, before parameters: a page that showed it sends it with the run. */
    public String codeHash() {
        return RunPlanner.hash(ref + "\n" + risk + "\n" + code);
    }
}
