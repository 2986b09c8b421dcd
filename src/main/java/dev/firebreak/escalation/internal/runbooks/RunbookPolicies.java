package dev.firebreak.escalation.internal.runbooks;

import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.runbook.RunbookModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a runbook's escalation matrix into an escalation policy, without Spring: one tier per
 * matrix row, one step per role on the row's path, each step a {@code ROLE} target an admin maps
 * to a schedule, user or team. See docs/escalation-from-runbooks.md.
 */
public final class RunbookPolicies {
    /** Step delay when a row gives no time at all ("TBD"). */
    public static final Duration DEFAULT_DELAY = Duration.ofMinutes(30);
    /** Shortest step delay: "Immediate" must not page the whole path at once. */
    public static final Duration MIN_DELAY = Duration.ofMinutes(1);

    /** Policy names allow letters, digits, '.', '_', '-' and spaces: "runbook.<slug>" cannot clash with a slug. */
    public static final String PREFIX = "runbook.";
    // The policy limits (PolicyValidation): longer matrices keep their first rows and roles.
    static final int MAX_TIERS = 20;
    static final int MAX_STEPS = 20;
    static final int MAX_DESCRIPTION = 2000;
    // A severity code: P0, SEV-1, SEV 2, S3, Priority 1.
    private static final Pattern CODE = Pattern.compile("(?i)(?:p|sev|s|severity|priority)[- ]?\\d+");
    private static final Pattern PARENTHESIZED = Pattern.compile("^(.+?)\\s*\\((.+)\\)$");
    private static final Pattern SEPARATED = Pattern.compile("^(\\S+)\\s*(?:-|–|—|:)\\s*(.+)$");

    private RunbookPolicies() {}

    /** The policy name of a runbook's policy. */
    public static String policyName(String slug) {
        return PREFIX + slug;
    }

    /** The runbook a policy name is made from ("runbook.disk-full" is disk-full), or null. */
    public static String slugOf(String policyName) {
        return policyName != null && policyName.startsWith(PREFIX) && policyName.length() > PREFIX.length()
                ? policyName.substring(PREFIX.length())
                : null;
    }

    /** A severity cell split into its code and label: "P0 (Critical)" is P0 and Critical. */
    public record SeverityName(String name, String label) {
        static SeverityName of(String cell) {
            String text = cell == null ? "" : cell.strip().replaceAll("\\s+", " ");
            for (Pattern pattern : List.of(PARENTHESIZED, SEPARATED)) {
                Matcher m = pattern.matcher(text);
                if (m.matches()) {
                    String a = m.group(1).strip();
                    String b = m.group(2).strip();
                    if (CODE.matcher(a).matches()) {
                        return new SeverityName(a, b);
                    }
                    if (CODE.matcher(b).matches()) {
                        return new SeverityName(b, a);
                    }
                }
            }
            return new SeverityName(text, null);
        }
    }

    /**
     * The policy for a runbook's matrix. Rows without a severity or a path are skipped; a repeated
     * severity keeps its first row. Tier severity is the code when the cell has one ("P0" of "P0
     * (Critical)"), the engine matching it to the incident level's name; the labels are listed in
     * the description.
     */
    public static EscalationPolicy fromMatrix(String slug, String title, List<RunbookModel.EscalationStep> matrix) {
        List<PolicyTier> tiers = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (RunbookModel.EscalationStep row : matrix == null ? List.<RunbookModel.EscalationStep>of() : matrix) {
            SeverityName severity = SeverityName.of(row.severity());
            List<String> roles = roles(row.path());
            if (severity.name().isEmpty()
                    || roles.isEmpty()
                    || tiers.size() == MAX_TIERS
                    || !seen.add(severity.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (severity.label() != null) {
                labels.put(severity.name(), severity.label());
            }
            Duration delay = delay(row);
            List<PolicyStep> steps = roles.stream()
                    .limit(MAX_STEPS)
                    .map(role -> new PolicyStep(List.of(new StepTarget(StepTarget.Kind.ROLE, role)), delay))
                    .toList();
            tiers.add(new PolicyTier(severity.name(), duration(row.responseTarget()), steps));
        }
        return new EscalationPolicy(policyName(slug), description(slug, title, labels), 0, null, tiers, slug);
    }

    /** The roles of a path as shown, without blanks or a role twice in a row ("On-call → On call"). */
    static List<String> roles(List<String> path) {
        List<String> roles = new ArrayList<>();
        String last = null;
        for (String step : path == null ? List.<String>of() : path) {
            String role = RoleNames.display(step);
            String key = RoleNames.key(role);
            if (!key.isEmpty() && !key.equals(last)) {
                roles.add(role);
                last = key;
            }
        }
        return roles;
    }

    /** Escalate after, else the response target, else {@link #DEFAULT_DELAY}; never under a minute. */
    static Duration delay(RunbookModel.EscalationStep row) {
        Duration chosen = duration(row.escalateAfter());
        if (chosen == null) {
            chosen = duration(row.responseTarget());
        }
        if (chosen == null) {
            return DEFAULT_DELAY;
        }
        return chosen.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : chosen;
    }

    private static Duration duration(RunbookModel.Duration duration) {
        return duration == null || duration.seconds() == null ? null : Duration.ofSeconds(duration.seconds());
    }

    private static String description(String slug, String title, Map<String, String> labels) {
        StringBuilder text = new StringBuilder("Follows the escalation matrix of runbook '")
                .append(title == null || title.isBlank() ? slug : title.strip())
                .append("' (")
                .append(slug)
                .append(").");
        if (!labels.isEmpty()) {
            text.append(" Severities: ");
            text.append(String.join(
                    ", ",
                    labels.entrySet().stream()
                            .map(e -> e.getKey() + " = " + e.getValue())
                            .toList()));
            text.append('.');
        }
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION - 1) + "…" : text.toString();
    }
}
