package dev.firebreak.escalation.internal.runbooks;

import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.StepTarget;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Tiers as one line each ("P0 (respond 5m): On-call 15m → Manager 15m"), for audit and comparison. */
public final class PolicySummary {
    static final int MAX = 4000;

    private PolicySummary() {}

    public static String of(List<PolicyTier> tiers) {
        return tiers.stream().map(PolicySummary::tier).collect(Collectors.joining("\n"));
    }

    /** Clipped to what the audit columns keep. */
    static String clipped(String summary) {
        return summary == null || summary.length() <= MAX ? summary : summary.substring(0, MAX - 1) + "…";
    }

    static String hash(String summary) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(summary.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tier(PolicyTier tier) {
        String head = tier.severity() == null ? "any other severity" : tier.severity();
        if (tier.responseTarget() != null) {
            head += " (respond " + duration(tier.responseTarget()) + ")";
        }
        return head + ": " + tier.steps().stream().map(PolicySummary::step).collect(Collectors.joining(" → "));
    }

    private static String step(PolicyStep step) {
        String targets = step.targets().stream()
                .map(t -> t.kind() == StepTarget.Kind.ROLE
                        ? t.name()
                        : t.kind().name().toLowerCase() + " " + t.name())
                .collect(Collectors.joining(" + "));
        return targets + " " + duration(step.delay());
    }

    /** 90s, 5m, 1h30m, 1d: short, as routing durations are written. */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long[] units = {86400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= units[i]) {
                text.append(seconds / units[i]).append(names[i]);
                seconds %= units[i];
            }
        }
        return text.toString();
    }
}
