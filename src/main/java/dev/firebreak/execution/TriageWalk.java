package dev.firebreak.execution;

import java.util.List;

/**
 * A walk through a runbook's decision tree.
 *
 * @param path the answers as people read them ("Red CI Status? yes")
 * @param target the anchor it led to ({@code schema-issues}), or null when it ends at no link
 * @param procedure the title of the procedure at the target, or null
 */
public record TriageWalk(String runbook, List<String> path, String target, String procedure) {

    /** "Red CI Status? yes -> Schema Gate Failed? yes -> Schema Issues" */
    public String text() {
        String end = procedure != null ? procedure : target;
        return String.join(" -> ", path) + (end == null ? "" : " -> " + end);
    }
}
