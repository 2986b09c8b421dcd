package dev.firebreak.alert.internal.intake;

import dev.firebreak.alert.AlertProperties;
import dev.firebreak.alert.IntakeException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Refuses label and annotation sets over the configured size before anything is stored. */
public record LabelLimits(int maxLabels, int maxValueLength) {
    private static final int MAX_NAME_LENGTH = 256;

    public static LabelLimits of(AlertProperties properties) {
        return new LabelLimits(properties.maxLabels(), properties.maxLabelValueLength());
    }

    public void check(String where, Map<String, String> labels, Map<String, String> annotations) {
        if (labels.isEmpty()) {
            throw bad(where + ": an alert needs at least one label");
        }
        check(where, "labels", labels);
        check(where, "annotations", annotations);
    }

    private void check(String where, String kind, Map<String, String> values) {
        if (values.size() > maxLabels) {
            throw bad(where + ": " + values.size() + " " + kind + " are more than the limit of " + maxLabels
                    + " (firebreak.alerts.max-labels)");
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > MAX_NAME_LENGTH) {
                throw bad(where + ": " + kind + " names must have 1 to " + MAX_NAME_LENGTH + " characters");
            }
            int bad = control(e.getKey(), false);
            if (bad >= 0) {
                throw bad(where + ": " + kind + " name '" + printable(e.getKey()) + "' has a control character (U+"
                        + String.format("%04X", bad) + ")");
            }
            bad = control(e.getValue(), kind.equals("annotations"));
            if (bad >= 0) {
                throw bad(where + ": the value of " + kind + " '" + printable(e.getKey())
                        + "' has a control character (U+" + String.format("%04X", bad) + ")");
            }
            if (e.getValue().length() > maxValueLength) {
                throw bad(where + ": the value of " + kind + " '" + e.getKey() + "' is longer than the limit of "
                        + maxValueLength + " characters (firebreak.alerts.max-label-value-length)");
            }
        }
    }

    /**
     * The first C0 control or DEL in the text, or -1. Annotations may hold tabs and line breaks (a
     * description is prose); labels, being identifiers that tools print and match, may not.
     */
    static int control(String text, boolean prose) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c == 0x7f) && !(prose && (c == '\t' || c == '\n' || c == '\r'))) {
                return c;
            }
        }
        return -1;
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    static IntakeException bad(String message) {
        return new IntakeException(HttpStatus.BAD_REQUEST, message);
    }
}
