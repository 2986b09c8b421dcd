package dev.firebreak.alert;

import dev.firebreak.platform.FirebreakException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher as Alertmanager writes it: {@code name="value"}, {@code !=}, {@code =~}, {@code
 * !~}. A missing label counts as the empty string, and regular expressions are fully anchored, as in
 * Alertmanager ({@code severity=~"crit"} does not match {@code critical}).
 */
public record AlertMatcher(String name, Op op, String value, Pattern pattern) {
    private static final Pattern SYNTAX =
            Pattern.compile("\\s*\\{?\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*}?\\s*");

    public enum Op {
        EQUAL("="),
        NOT_EQUAL("!="),
        REGEX("=~"),
        NOT_REGEX("!~");

        final String text;

        Op(String text) {
            this.text = text;
        }
    }

    /** Thrown for a matcher that cannot be read; the message says why. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }

    public static AlertMatcher of(String name, Op op, String value) {
        Pattern pattern = null;
        if (op == Op.REGEX || op == Op.NOT_REGEX) {
            try {
                pattern = Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                throw new Invalid("bad regex '" + value + "': " + e.getDescription());
            }
        }
        return new AlertMatcher(name, op, value, pattern);
    }

    /** Reads {@code name op "value"} (quotes optional). */
    public static AlertMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new Invalid("bad matcher '" + text + "': expected name=\"value\", name!=, name=~ or name!~");
        }
        Op op =
                switch (m.group(2)) {
                    case "=" -> Op.EQUAL;
                    case "!=" -> Op.NOT_EQUAL;
                    case "=~" -> Op.REGEX;
                    default -> Op.NOT_REGEX;
                };
        return of(m.group(1), op, unquote(m.group(3), text));
    }

    /** Reads a matcher a person sent (API parameter, form field): a bad one is a 400 naming the field. */
    public static AlertMatcher fromRequest(String field, String text) {
        try {
            return parse(text);
        } catch (Invalid e) {
            throw new FirebreakException.BadInput(field, e.getMessage());
        }
    }

    public static List<AlertMatcher> parseAll(List<String> texts) {
        List<AlertMatcher> matchers = new ArrayList<>();
        for (String text : texts) {
            matchers.add(parse(text));
        }
        return List.copyOf(matchers);
    }

    /**
     * Matchers that pick exactly the alert with these labels: one {@code =} per label, for a
     * "silence this alert" button.
     */
    public static List<AlertMatcher> exactly(Map<String, String> labels) {
        return labels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> of(e.getKey(), Op.EQUAL, e.getValue()))
                .toList();
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (op) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> pattern.matcher(actual).matches();
            case NOT_REGEX -> !pattern.matcher(actual).matches();
        };
    }

    public static boolean all(List<AlertMatcher> matchers, Map<String, String> labels) {
        for (AlertMatcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name + op.text + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String unquote(String raw, String text) {
        if (!raw.startsWith("\"")) {
            if (raw.contains("\"")) {
                throw new Invalid("bad matcher '" + text + "': unbalanced quotes");
            }
            return raw;
        }
        if (raw.length() < 2 || !raw.endsWith("\"")) {
            throw new Invalid("bad matcher '" + text + "': unterminated quoted value");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() - 1) {
                char next = raw.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else if (c == '"') {
                throw new Invalid("bad matcher '" + text + "': unescaped quote inside the value");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
