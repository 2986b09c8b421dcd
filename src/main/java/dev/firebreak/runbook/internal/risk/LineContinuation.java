package dev.firebreak.runbook.internal.risk;

/**
 * Tracks, line by line, whether a shell command continues onto the next physical line: a trailing
 * backslash, a quote left open, or an unclosed $( ... ). State carries over so each character is
 * scanned once, however many lines a quote spans.
 */
final class LineContinuation {

    private char quote;
    private int substitutions;
    private boolean backslash;

    void feed(String line) {
        backslash = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                }
            } else if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\\') {
                if (i == n - 1) {
                    backslash = true;
                }
                i++;
            } else if (c == '#' && (i == 0 || " \t;|&(".indexOf(line.charAt(i - 1)) >= 0)) {
                return; // a comment: quotes and backslashes in it mean nothing
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '(') {
                substitutions++;
                i++;
            } else if (c == '(' && substitutions > 0) {
                substitutions++;
            } else if (c == ')' && substitutions > 0) {
                substitutions--;
            }
        }
    }

    boolean continues() {
        return backslash || quote != 0 || substitutions > 0;
    }
}
