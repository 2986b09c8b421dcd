package dev.firebreak.runbook.internal.risk;

import java.util.List;

/** Finds where quoted or bracketed shell spans end, by a quote-aware linear scan (no regex). */
final class ShellSpans {

    private ShellSpans() {}

    /** Index of the ')' matching the '(' at {@code open}, or the text's length if unclosed. */
    static int closeParen(String s, int open) {
        int depth = 0;
        int n = s.length();
        for (int i = open; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                i = end < 0 ? n : end;
            } else if (c == '"') {
                i = closeDoubleQuote(s, i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return n;
    }

    /** Index of the '}' matching the '{' at {@code open}, or the text's length. */
    static int closeBrace(String s, int open) {
        int depth = 0;
        int n = s.length();
        for (int i = open; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return n;
    }

    static int closeBacktick(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '`') {
                return i;
            }
        }
        return n;
    }

    private static int closeDoubleQuote(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return n;
    }

    /** Index of the '>' closing a placeholder such as {@code <pod-name>} at {@code pos}, else -1. */
    static int placeholderEnd(String s, int pos) {
        int n = s.length();
        if (pos + 1 >= n || !Character.isLetter(s.charAt(pos + 1))) {
            return -1;
        }
        for (int i = pos + 1; i < n && i < pos + 80; i++) {
            char c = s.charAt(i);
            if (c == '>') {
                return i;
            }
            if (!Character.isLetterOrDigit(c) && "_-.:/".indexOf(c) < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** The redirection operator starting at {@code pos}: longest of <<<, <<-, <<, <>, <&, <, >>, >|, >&, >. */
    static String redirectOperator(String s, int pos, char c) {
        String[] candidates =
                c == '<' ? new String[] {"<<<", "<<-", "<<", "<>", "<&", "<"} : new String[] {">>", ">|", ">&", ">"};
        for (String op : candidates) {
            if (s.startsWith(op, pos)) {
                return op;
            }
        }
        return String.valueOf(c);
    }

    /**
     * Reads one heredoc body per delimiter from the lines starting at {@code pos} into {@code
     * bodies}; returns the position after the last delimiter line.
     */
    static int heredocBodies(String s, int pos, List<String> delimiters, List<String> bodies) {
        int n = s.length();
        for (String delimiter : delimiters) {
            StringBuilder body = new StringBuilder();
            while (pos < n) {
                int end = s.indexOf('\n', pos);
                end = end < 0 ? n : end;
                String line = s.substring(pos, end);
                pos = end + 1;
                if (line.strip().equals(delimiter)) {
                    break;
                }
                body.append(line).append('\n');
            }
            bodies.add(body.toString());
        }
        return pos;
    }
}
