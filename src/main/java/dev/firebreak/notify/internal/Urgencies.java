package dev.firebreak.notify.internal;

import dev.firebreak.incident.Severity;
import dev.firebreak.notify.Urgency;
import java.util.regex.Pattern;

/** Which of a person's rules a severity uses: low only for levels that wait past a few hours. */
final class Urgencies {
    private static final Pattern LOW = Pattern.compile("(?i).*\\b(low|info|informational|minor|p[45]|sev-?[45])\\b.*");
    private static final long FOUR_HOURS = 4 * 3600;

    private Urgencies() {}

    static Urgency of(Severity severity) {
        if (severity == null) {
            return Urgency.HIGH;
        }
        Long target = severity.responseTargetSeconds();
        if (target != null) {
            return target > FOUR_HOURS ? Urgency.LOW : Urgency.HIGH;
        }
        String words = severity.name() + " " + (severity.label() == null ? "" : severity.label());
        return LOW.matcher(words).matches() ? Urgency.LOW : Urgency.HIGH;
    }
}
