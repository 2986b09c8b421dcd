package dev.firebreak.escalation.internal;

import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.RoleMappings;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.escalation.StoredPolicy;
import dev.firebreak.platform.FirebreakException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Every reason a policy cannot page as written, all at once, so an admin fixes them in one round;
 * and the findings that do not block a save (a role nobody mapped yet).
 */
@Component
public class PolicyValidation {
    public static final int MAX_REPEAT = 20;
    static final int MAX_TIERS = 20;
    static final int MAX_STEPS = 20;
    static final int MAX_TARGETS = 20;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,199}");

    private final TargetChecks checks;
    private final PolicyStore store;
    private final RoleMappings roles;

    PolicyValidation(TargetChecks checks, PolicyStore store, RoleMappings roles) {
        this.checks = checks;
        this.store = store;
        this.roles = roles;
    }

    /** The policy with names trimmed; throws BadInput listing every problem. */
    public EscalationPolicy check(EscalationPolicy raw) {
        if (raw == null) {
            throw new FirebreakException.BadInput("policy", "a policy is required");
        }
        EscalationPolicy policy = clean(raw);
        List<String[]> problems = new ArrayList<>();
        if (policy.name() == null || !NAME.matcher(policy.name()).matches()) {
            problems.add(new String[] {
                "name", "name must be 1-200 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit"
            });
        }
        if (policy.description() != null && policy.description().length() > 2000) {
            problems.add(new String[] {"description", "description must be at most 2000 characters"});
        }
        if (policy.repeat() < 0 || policy.repeat() > MAX_REPEAT) {
            problems.add(new String[] {"repeat", "repeat must be between 0 and " + MAX_REPEAT});
        }
        if (policy.ackTimeout() != null && !policy.ackTimeout().isPositive()) {
            problems.add(new String[] {"ackTimeout", "ackTimeout must be positive, or left out for never"});
        }
        if (policy.tiers().isEmpty()) {
            problems.add(new String[] {"tiers", "a policy needs at least one tier of steps"});
        }
        if (policy.tiers().size() > MAX_TIERS) {
            problems.add(new String[] {"tiers", "a policy has at most " + MAX_TIERS + " tiers"});
        }
        Set<String> severities = new HashSet<>();
        for (int t = 0; t < policy.tiers().size(); t++) {
            PolicyTier tier = policy.tiers().get(t);
            String at = "tiers[" + t + "]";
            String severity = tier.severity() == null ? null : tier.severity().toLowerCase(Locale.ROOT);
            if (!severities.add(severity == null ? "\0default" : severity)) {
                problems.add(new String[] {
                    at + ".severity",
                    severity == null
                            ? "two default tiers (no severity); keep one"
                            : "two tiers for severity " + tier.severity()
                });
            }
            if (tier.responseTarget() != null && !tier.responseTarget().isPositive()) {
                problems.add(new String[] {at + ".responseTarget", "responseTarget must be positive"});
            }
            if (tier.steps().isEmpty()) {
                problems.add(new String[] {at + ".steps", at + " has no steps"});
            }
            if (tier.steps().size() > MAX_STEPS) {
                problems.add(new String[] {at + ".steps", at + " has more than " + MAX_STEPS + " steps"});
            }
            for (int s = 0; s < tier.steps().size(); s++) {
                checkStep(policy, tier.steps().get(s), at + ".steps[" + s + "]", problems);
            }
        }
        if (problems.isEmpty()) {
            List<String> loop = loop(policy);
            if (!loop.isEmpty()) {
                problems.add(
                        new String[] {"tiers", "policies page each other in a circle: " + String.join(" -> ", loop)});
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder();
            for (String[] problem : problems) {
                message.append(message.isEmpty() ? "" : "; ")
                        .append(problem[0])
                        .append(": ")
                        .append(problem[1]);
            }
            throw new FirebreakException.BadInput(problems.getFirst()[0], message.toString());
        }
        return policy;
    }

    /** What works but deserves a look: roles without a mapping page nobody until an admin maps them. */
    public List<String> findings(EscalationPolicy policy) {
        Set<String> unmapped = new LinkedHashSet<>();
        for (PolicyTier tier : policy.tiers()) {
            for (PolicyStep step : tier.steps()) {
                for (StepTarget target : step.targets()) {
                    if (target.kind() == StepTarget.Kind.ROLE
                            && roles.resolve(target.name()).isEmpty()) {
                        unmapped.add(target.name());
                    }
                }
            }
        }
        return unmapped.stream()
                .map(role -> "role '" + role + "' has no mapping yet; its steps page nobody until an admin maps it")
                .toList();
    }

    private void checkStep(EscalationPolicy policy, PolicyStep step, String at, List<String[]> problems) {
        if (step.delay() == null) {
            problems.add(
                    new String[] {at + ".delay", "every step needs a delay (how long to wait for an acknowledge)"});
        } else if (step.delay().isNegative()) {
            problems.add(new String[] {at + ".delay", "delay must not be negative"});
        } else if (step.delay().isZero() && policy.repeat() > 0) {
            problems.add(new String[] {
                at + ".delay", "delay 0 with repeat " + policy.repeat() + " would page again and again at once"
            });
        }
        if (step.targets().isEmpty()) {
            problems.add(new String[] {at + ".targets", "a step needs at least one target"});
        }
        if (step.targets().size() > MAX_TARGETS) {
            problems.add(new String[] {at + ".targets", "a step has at most " + MAX_TARGETS + " targets"});
        }
        for (int g = 0; g < step.targets().size(); g++) {
            StepTarget target = step.targets().get(g);
            String field = at + ".targets[" + g + "]";
            if (target == null || target.kind() == null) {
                problems.add(new String[] {field, "kind must be USER, SCHEDULE, TEAM, ROLE or POLICY"});
            } else if (target.name() == null
                    || target.name().isBlank()
                    || target.name().length() > 200) {
                problems.add(new String[] {field, "a target needs a name of at most 200 characters"});
            } else if (target.kind() == StepTarget.Kind.POLICY && target.name().equals(policy.name())) {
                problems.add(new String[] {field, "a policy cannot page itself"});
            } else {
                String problem = checks.problem(target);
                if (problem != null) {
                    problems.add(new String[] {field, problem});
                }
            }
        }
    }

    /** The circle of policy references through this policy, or empty. */
    private List<String> loop(EscalationPolicy policy) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.add(List.of(policy.name()));
        Set<String> expanded = new HashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.poll();
            String last = path.getLast();
            if (!expanded.add(last)) {
                continue;
            }
            Optional<EscalationPolicy> current = last.equals(policy.name())
                    ? Optional.of(policy)
                    : store.find(last).map(StoredPolicy::policy);
            for (String next : referenced(current.orElse(null))) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(policy.name())) {
                    return longer;
                }
                paths.add(longer);
            }
        }
        return List.of();
    }

    private List<String> referenced(EscalationPolicy policy) {
        if (policy == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (PolicyTier tier : policy.tiers()) {
            for (PolicyStep step : tier.steps()) {
                for (StepTarget target : step.targets()) {
                    StepTarget end = target.kind() == StepTarget.Kind.ROLE
                            ? roles.resolve(target.name()).orElse(target)
                            : target;
                    if (end.kind() == StepTarget.Kind.POLICY) {
                        names.add(end.name());
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private static EscalationPolicy clean(EscalationPolicy raw) {
        List<PolicyTier> tiers = raw.tiers() == null
                ? List.of()
                : raw.tiers().stream()
                        .map(tier -> tier == null ? new PolicyTier(null, null, List.of()) : tier)
                        .map(tier -> new PolicyTier(
                                blankToNull(tier.severity()),
                                tier.responseTarget(),
                                tier.steps() == null
                                        ? List.of()
                                        : tier.steps().stream()
                                                .map(step -> step == null ? new PolicyStep(List.of(), null) : step)
                                                .map(PolicyValidation::cleanStep)
                                                .toList()))
                        .toList();
        return new EscalationPolicy(
                raw.name() == null ? null : raw.name().strip(),
                blankToNull(raw.description()),
                raw.repeat(),
                raw.ackTimeout(),
                tiers,
                blankToNull(raw.runbookSlug()));
    }

    private static PolicyStep cleanStep(PolicyStep step) {
        List<StepTarget> targets = step.targets() == null
                ? List.of()
                : step.targets().stream()
                        .map(t -> t == null || t.name() == null
                                ? t
                                : new StepTarget(t.kind(), t.name().strip()))
                        .toList();
        Duration delay = step.delay();
        return new PolicyStep(targets, delay);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
