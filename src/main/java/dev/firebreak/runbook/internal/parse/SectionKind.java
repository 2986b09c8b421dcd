package dev.firebreak.runbook.internal.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a heading (or a bold label such as {@code **Diagnosis Steps:**}) is about, from its wording. */
final class SectionKind {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N} '-]+");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\d+[.)]?\\s+)?");

    static final String SUMMARY = "summary";
    static final String SYMPTOMS = "symptoms";
    static final String IMPACT = "impact";
    static final String DIAGNOSIS = "diagnosis";
    static final String RESOLUTION = "resolution";
    static final String PREVENTION = "prevention";
    static final String ESCALATION = "escalation";
    static final String REFERENCE = "reference";
    static final String OTHER = "other";

    private record Rule(String kind, Pattern pattern) {}

    // Order matters: the first rule whose pattern matches wins.
    private static final List<Rule> RULES = List.of(
            rule(
                    SYMPTOMS,
                    "symptoms?|signs?|indicators?|what you (?:see|observe)|how (?:to|you) (?:detect|recogni[sz]e)"),
            rule(IMPACT, "impact|business impact|user impact|consequences?|blast radius|effects?"),
            rule(
                    DIAGNOSIS,
                    "diagnos\\w*|investigat\\w*|troubleshoot\\w*|triage|root cause(?: analysis)?|debug\\w*|"
                            + "analysis|checks?|verification|identify\\w*"),
            rule(
                    RESOLUTION,
                    "mitigation|mitigations|resolution|resolve|resolution (?:actions|steps)|common fixes|fix(?:es)?|"
                            + "remediation|recovery|recovery (?:steps|procedures?)|workarounds?|solutions?|"
                            + "remedy|actions?|response actions|how to fix|repair|rollback"),
            rule(PREVENTION, "prevention|prevent\\w*|avoidance|long[- ]term fix\\w*|follow[- ]up"),
            rule(
                    ESCALATION,
                    "escalation|escalation (?:path|policy|matrix|contacts)|escalate|when to escalate|contacts?"),
            rule(
                    SUMMARY,
                    "meaning|overview|summary|description|about|introduction|purpose|context|background|"
                            + "what (?:is|does) (?:this|it)\\b.*|alert (?:meaning|description)"),
            rule(
                    REFERENCE,
                    "references?|see also|links|resources|further reading|related\\b.*|documentation|additional resources"));

    private static Rule rule(String kind, String words) {
        return new Rule(kind, Pattern.compile("(?:" + words + ")"));
    }

    private SectionKind() {}

    /** The kind of a heading or label; unknown wording is {@code other}. */
    static String of(String title) {
        String t = normalize(title);
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(t).matches()) {
                return rule.kind();
            }
        }
        // A longer heading counts when it leads with or ends with a recognized word ("Diagnosis Steps").
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(t).lookingAt() || endsWith(rule.pattern(), t)) {
                return rule.kind();
            }
        }
        return OTHER;
    }

    private static boolean endsWith(Pattern pattern, String t) {
        int space = t.lastIndexOf(' ');
        return space > 0 && pattern.matcher(t.substring(space + 1)).matches();
    }

    static String normalize(String title) {
        String t = NOT_WORD.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return MarkdownTree.collapseSpace(NUMBERING.matcher(t).replaceFirst("")).strip();
    }
}
