package dev.firebreak.api;

import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.escalation.StoredPolicy;
import dev.firebreak.platform.FirebreakException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.convert.DurationStyle;

/**
 * Escalation policies as JSON: durations as text ("5m", "1h", "PT90S"), target kinds in any case.
 * The CLI's {@code policy apply FILE.json} sends the same shape.
 */
final class PolicyJson {
    private PolicyJson() {}

    record Target(String kind, String name) {}

    record Step(String delay, List<Target> targets) {}

    record Tier(String severity, String responseTarget, List<Step> steps) {}

    record Policy(
            String name,
            String description,
            Integer repeat,
            String ackTimeout,
            String runbookSlug,
            List<Tier> tiers,
            Integer version,
            Instant updatedAt,
            String updatedBy,
            List<String> findings) {}

    static Policy of(StoredPolicy stored) {
        EscalationPolicy p = stored.policy();
        return new Policy(
                p.name(),
                p.description(),
                p.repeat(),
                text(p.ackTimeout()),
                p.runbookSlug(),
                p.tiers().stream()
                        .map(t -> new Tier(
                                t.severity(),
                                text(t.responseTarget()),
                                t.steps().stream()
                                        .map(s -> new Step(
                                                text(s.delay()),
                                                s.targets().stream()
                                                        .map(PolicyJson::target)
                                                        .toList()))
                                        .toList()))
                        .toList(),
                stored.version(),
                stored.updatedAt(),
                stored.updatedBy(),
                stored.findings());
    }

    static Target target(StepTarget target) {
        return new Target(target.kind().name().toLowerCase(Locale.ROOT), target.name());
    }

    static EscalationPolicy parse(Policy body, String name) {
        if (body == null) {
            throw new FirebreakException.BadInput("name", "the JSON body needs \"name\" and \"tiers\"");
        }
        List<Tier> tiers = body.tiers() == null ? List.of() : body.tiers();
        return new EscalationPolicy(
                name,
                body.description(),
                body.repeat() == null ? 0 : body.repeat(),
                duration("ackTimeout", body.ackTimeout()),
                tiers.stream()
                        .map(t -> t == null
                                ? null
                                : new PolicyTier(
                                        t.severity(),
                                        duration("responseTarget", t.responseTarget()),
                                        t.steps() == null
                                                ? List.of()
                                                : t.steps().stream()
                                                        .map(s -> s == null
                                                                ? null
                                                                : new PolicyStep(
                                                                        s.targets() == null
                                                                                ? List.of()
                                                                                : s.targets().stream()
                                                                                        .map(PolicyJson::target)
                                                                                        .toList(),
                                                                        duration("delay", s.delay())))
                                                        .toList()))
                        .toList(),
                body.runbookSlug());
    }

    static StepTarget target(Target target) {
        if (target == null) {
            return null;
        }
        return new StepTarget(kind(target.kind()), target.name());
    }

    static StepTarget.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return StepTarget.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FirebreakException.BadInput(
                    "kind", "target kind '" + kind + "' must be user, schedule, team, role or policy");
        }
    }

    static Duration duration(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new FirebreakException.BadInput(field, field + " '" + text + "' is not a duration such as 5m or 1h");
        }
    }

    static String text(Duration duration) {
        if (duration == null) {
            return null;
        }
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
