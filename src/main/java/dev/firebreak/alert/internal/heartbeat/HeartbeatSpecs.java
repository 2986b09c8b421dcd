package dev.firebreak.alert.internal.heartbeat;

import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.Heartbeat;
import dev.firebreak.platform.FirebreakException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/** Checks what a person asked for; every refusal is a BadInput naming the field. */
public final class HeartbeatSpecs {
    /** URL-safe, since the name is a path segment of the API. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,99}");
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    public static final Duration MAX = Duration.ofDays(7);

    private HeartbeatSpecs() {}

    /** {@code 5m}, {@code 30s}, {@code 1h}, {@code 2d} or ISO-8601 ({@code PT5M}). */
    public static Duration duration(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new FirebreakException.BadInput(field, "not a duration: '" + text + "' (use 30s, 5m, 1h, 1d)");
        }
    }

    public static String name(String name) {
        String value = name == null ? "" : name.strip();
        if (!NAME.matcher(value).matches()) {
            throw new FirebreakException.BadInput(
                    "name",
                    "a heartbeat needs a name of 1 to 100 letters, digits, '.', '_' or '-', starting with a letter"
                            + " or digit");
        }
        return value;
    }

    public static void timing(Duration interval, Duration grace) {
        if (interval == null) {
            throw new FirebreakException.BadInput("interval", "a heartbeat needs an interval, e.g. 5m");
        }
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX) > 0) {
            throw new FirebreakException.BadInput("interval", "interval must be between 30s and 7d");
        }
        if (grace.isNegative() || grace.compareTo(MAX) > 0) {
            throw new FirebreakException.BadInput("grace", "grace must be between 0s and 7d");
        }
    }

    public static String description(String text) {
        String value = text == null ? "" : text.strip();
        if (value.length() > 2000) {
            throw new FirebreakException.BadInput("description", "description is longer than 2000 characters");
        }
        return value;
    }

    /**
     * The labels of the monitor's alert: {@code base} (null for none) with severity and service set
     * (blank removes them). {@code alertname} and {@code heartbeat} are the monitor's own.
     */
    public static Map<String, String> labels(Map<String, String> base, String severity, String service) {
        Map<String, String> labels = new LinkedHashMap<>(base == null ? Map.of() : base);
        put(labels, "severity", severity);
        put(labels, "service", service);
        if (labels.size() > 32) {
            throw new FirebreakException.BadInput("labels", "a heartbeat takes at most 32 labels");
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (label.getKey() == null || !LABEL.matcher(label.getKey()).matches()) {
                throw new FirebreakException.BadInput(
                        "labels", "bad label name '" + label.getKey() + "': use letters, digits and '_'");
            }
            if (label.getKey().equals("alertname") || label.getKey().equals(Heartbeat.LABEL)) {
                throw new FirebreakException.BadInput(
                        "labels", "the label '" + label.getKey() + "' is set by the monitor itself");
            }
            if (label.getValue() == null
                    || label.getValue().isEmpty()
                    || label.getValue().length() > 1000) {
                throw new FirebreakException.BadInput(
                        "labels", "label '" + label.getKey() + "' needs a value of 1 to 1000 characters");
            }
        }
        return labels;
    }

    private static void put(Map<String, String> labels, String name, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            labels.remove(name);
        } else {
            labels.put(name, value.strip());
        }
    }

    /**
     * Alertmanager matchers, written back in their canonical form. Like a silence, at least one must
     * not match the empty string, or every alert of every sender would count as a ping.
     */
    public static List<String> matchers(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return List.of();
        }
        if (texts.size() > 16) {
            throw new FirebreakException.BadInput("matchers", "a heartbeat takes at most 16 matchers");
        }
        List<String> canonical = new ArrayList<>();
        boolean selective = false;
        for (String text : texts) {
            AlertMatcher matcher = AlertMatcher.fromRequest("matchers", text);
            selective |= !matcher.matches(Map.of());
            canonical.add(matcher.toString());
        }
        if (!selective) {
            throw new FirebreakException.BadInput(
                    "matchers", "at least one matcher must not match the empty string, e.g. alertname=\"Watchdog\"");
        }
        return List.copyOf(canonical);
    }
}
