package dev.firebreak.alert;

import dev.firebreak.platform.FirebreakException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher as Alertmanager writes it: {@code name=value}, {@code name!=value}, {@code
 * name=~regex}, {@code name!~regex}. Regexes are anchored; a missing label has the value "".
 */
public record LabelMatcher(String name, Operator op, String value) {
    private static final Pattern SYNTAX =
            Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\"]*?)\\s*");

    public enum Operator {
        EQUAL("="),
        NOT_EQUAL("!="),
        REGEX("=~"),
        NOT_REGEX("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public LabelMatcher {
        if (op == Operator.REGEX || op == Operator.NOT_REGEX) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new FirebreakException.BadInput("matcher", "invalid regex in matcher for '" + name + "'");
            }
        }
    }

    /** Parses {@code name="value"} (quotes optional) with one of the four operators. */
    public static LabelMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new FirebreakException.BadInput(
                    "matcher", "not a label matcher: '" + text + "' (use name=value, !=, =~ or !~)");
        }
        String raw = m.group(3);
        String value = raw.startsWith("\"") ? raw.substring(1, raw.length() - 1).replaceAll("\\\\(.)", "$1") : raw;
        Operator op =
                switch (m.group(2)) {
                    case "=" -> Operator.EQUAL;
                    case "!=" -> Operator.NOT_EQUAL;
                    case "=~" -> Operator.REGEX;
                    default -> Operator.NOT_REGEX;
                };
        return new LabelMatcher(m.group(1), op, value);
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (op) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> actual.matches(value);
            case NOT_REGEX -> !actual.matches(value);
        };
    }

    @Override
    public String toString() {
        return name + op.symbol() + "\"" + value.replace("\"", "\\\"") + "\"";
    }
}
