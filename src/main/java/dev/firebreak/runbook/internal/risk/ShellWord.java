package dev.firebreak.runbook.internal.risk;

import java.util.function.Consumer;

/**
 * The word the shell parser is reading: quotes and escapes removed, while the bodies of $(...),
 * backticks and <(...) are kept as text and also handed to the parser to judge as commands.
 * Each method reads one span starting at {@code pos} and returns the position after it.
 */
final class ShellWord {

    private final String s;
    private final int n;
    private final Consumer<String> substitution;
    private final StringBuilder text = new StringBuilder();
    private boolean started;

    ShellWord(String s, Consumer<String> substitution) {
        this.s = s;
        this.n = s.length();
        this.substitution = substitution;
    }

    boolean started() {
        return started;
    }

    boolean endsWith(char c) {
        return !text.isEmpty() && text.charAt(text.length() - 1) == c;
    }

    /** Digits right before > or < name a file descriptor (2>&1), not an argument. */
    boolean isDescriptor() {
        return started && text.chars().allMatch(Character::isDigit);
    }

    void discard() {
        text.setLength(0);
        started = false;
    }

    String take() {
        String word = text.toString();
        discard();
        return word;
    }

    int append(char c, int pos) {
        text.append(c);
        started = true;
        return pos + 1;
    }

    /** Appends s[from, to) verbatim (clamped to the text) and returns {@code to}. */
    int appendSpan(int from, int to) {
        text.append(s, from, Math.min(to, n));
        started = true;
        return to;
    }

    int singleQuoted(int pos) {
        int end = s.indexOf('\'', pos + 1);
        end = end < 0 ? n : end;
        appendSpan(pos + 1, end);
        return end + 1;
    }

    int escape(int pos) {
        if (pos + 1 >= n) {
            return pos + 1;
        }
        char next = s.charAt(pos + 1);
        if (next != '\n') { // backslash-newline joins lines and adds nothing
            append(next, pos);
        }
        return pos + 2;
    }

    int doubleQuoted(int pos) {
        started = true;
        pos++;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '"') {
                return pos + 1;
            } else if (c == '\\' && pos + 1 < n) {
                char next = s.charAt(pos + 1);
                if ("\"\\$`".indexOf(next) >= 0) {
                    text.append(next);
                } else if (next != '\n') {
                    text.append(c).append(next);
                }
                pos += 2;
            } else if (c == '$') {
                pos = dollar(pos);
            } else if (c == '`') {
                pos = backtick(pos);
            } else {
                pos = append(c, pos);
            }
        }
        return pos;
    }

    int dollar(int pos) {
        char next = pos + 1 < n ? s.charAt(pos + 1) : ' ';
        if (next == '(' && pos + 2 < n && s.charAt(pos + 2) == '(') {
            return appendSpan(pos, ShellSpans.closeParen(s, pos + 1) + 1); // $(( arithmetic )) runs nothing
        }
        if (next == '(') {
            int close = ShellSpans.closeParen(s, pos + 1);
            substitution.accept(s.substring(pos + 2, Math.min(close, n)));
            return appendSpan(pos, close + 1);
        }
        if (next == '{') {
            return appendSpan(pos, ShellSpans.closeBrace(s, pos + 1) + 1);
        }
        if ("#?$!@*-0123456789".indexOf(next) >= 0) {
            return appendSpan(pos, pos + 2); // $# $? $$ ...: the # is no comment
        }
        return append('$', pos);
    }

    int backtick(int pos) {
        int close = ShellSpans.closeBacktick(s, pos + 1);
        substitution.accept(s.substring(pos + 1, Math.min(close, n)));
        return appendSpan(pos, close + 1);
    }

    /** <(cmd) or >(cmd): the command runs, the word is a file name. */
    int processSubstitution(int pos) {
        int close = ShellSpans.closeParen(s, pos + 1);
        substitution.accept(s.substring(pos + 2, Math.min(close, n)));
        return appendSpan(pos, close + 1);
    }
}
