package dev.firebreak.runbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One parsed runbook: the JSON contract of {@code ../shared/spec/runbook-model.md}. Component names
 * are the JSON keys; every list keeps document order; absent values are {@code null} or empty.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
    "title", "metadata", "sections", "procedures", "severityLevels", "escalationMatrix", "classifications",
    "contacts", "decisionTrees", "alertRules", "templates", "commands", "links", "findings"
})
public record RunbookModel(
        String title,
        Metadata metadata,
        List<Section> sections,
        List<Procedure> procedures,
        List<SeverityLevel> severityLevels,
        List<EscalationStep> escalationMatrix,
        List<Classification> classifications,
        List<Contact> contacts,
        List<DecisionTree> decisionTrees,
        List<AlertRule> alertRules,
        List<Template> templates,
        List<Command> commands,
        List<Link> links,
        List<Finding> findings) {

    /** A response, escalation or resolution target: as written, and in seconds (null if no time). */
    public record Duration(String text, Long seconds) {}

    /** lastUpdated is an ISO date (YYYY-MM-DD) or null; frontMatter holds the YAML keys but title. */
    public record Metadata(
            String owner, String version, String lastUpdated, String reviewSchedule, Map<String, Object> frontMatter) {}

    /** A heading and the headings below it. kind: summary, symptoms, impact, diagnosis, ... other. */
    public record Section(String title, String anchor, int level, String kind, int line, List<Section> children) {}

    public record Step(String text, List<String> commands) {}

    public record Procedure(
            String title, String anchor, List<String> symptoms, List<Step> steps, Duration resolutionTarget) {}

    public record SeverityLevel(String name, String label, String description, Duration responseTarget) {}

    public record EscalationStep(String severity, Duration responseTarget, Duration escalateAfter, List<String> path) {}

    public record Classification(String category, String severity, Duration responseTarget, String escalation) {}

    public record Contact(String topic, String contact, Duration responseTarget) {}

    public record DecisionTree(Node root) {}

    public record Node(String label, String target, List<Node> children) {}

    public record AlertRule(String name, String expr, String severity, String action) {}

    /** kind: initial, update, resolution, postmortem or other. */
    public record Template(String name, String kind, String body) {}

    /** risk: read-only, mutating, destructive, or null for data and prose blocks. */
    public record Command(String section, int line, String language, String code, String risk, List<String> reasons) {}

    /** kind: anchor, relative or external; resolved is null for external links (never fetched). */
    public record Link(String text, String target, String kind, Boolean resolved) {}

    /** severity: error, warning or info. */
    public record Finding(String rule, String severity, String message, int line) {}
}
