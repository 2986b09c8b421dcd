package dev.firebreak.runbook.internal.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into statements (skipping comments, strings and dollar-quoted bodies in one
 * linear scan) and judges each by its leading keywords; psql backslash commands are read-only.
 */
final class SqlRisk {

    /**
     * One statement: the zero-based line where it starts, its text, its keywords upper-cased, and
     * the indexes of keywords that begin a line.
     */
    record Statement(int line, String text, List<String> keywords, List<Integer> lineStarts) {}

    private SqlRisk() {}

    /** The highest verdict of the statements, or read-only when there are none. */
    static Verdict judge(String sql) {
        Verdict worst = null;
        for (Statement statement : statements(sql)) {
            worst = Verdict.max(worst, SqlStatements.judge(statement));
        }
        return worst == null ? Verdict.readOnly("no SQL statements") : worst;
    }

    static List<Statement> statements(String sql) {
        return new Splitter(sql).split();
    }

    /**
     * Splits at ';', at psql/mysql \g and \G terminators and at T-SQL "GO" lines, remembering which
     * keywords start a line: runbooks often omit ';' between statements.
     */
    private static final class Splitter {
        private final String sql;
        private final int n;
        private final List<Statement> result = new ArrayList<>();
        private final List<String> keywords = new ArrayList<>();
        private final List<Integer> lineStarts = new ArrayList<>();
        private int line;
        private int startLine;
        private int start = -1;

        Splitter(String sql) {
            this.sql = sql;
            this.n = sql.length();
        }

        List<Statement> split() {
            boolean lineStart = true;
            for (int i = 0; i < n; i++) {
                char c = sql.charAt(i);
                if (c == '\n') {
                    line++;
                    lineStart = true;
                    continue;
                }
                if (Character.isWhitespace(c)) {
                    continue;
                }
                boolean atLineStart = lineStart;
                lineStart = false;
                if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    i = endOfLine(sql, i) - 1;
                } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    int end = sql.indexOf("*/", i + 2);
                    int stop = end < 0 ? n : end + 2;
                    line += count(sql, i, stop);
                    i = stop - 1;
                } else if (c == '\\' && atLineStart && keywords.isEmpty()) {
                    int end = endOfLine(sql, i); // psql meta-command: one line, no semicolon
                    String meta = sql.substring(i, end).strip();
                    result.add(new Statement(line, meta, List.of(meta), List.of()));
                    i = end - 1;
                } else if (c == ';'
                        || (c == '\\' && i + 1 < n && (sql.charAt(i + 1) == 'g' || sql.charAt(i + 1) == 'G'))) {
                    finish(c == ';' ? i + 1 : i);
                    i = c == ';' ? i : endOfWord(i + 1) - 1;
                } else {
                    if (start < 0) {
                        start = i;
                        startLine = line;
                    }
                    int before = keywords.size();
                    int end = skipToken(sql, i, keywords);
                    if (atLineStart && keywords.size() > before) {
                        if (keywords.get(before).equals("GO") && endOfLine(sql, end) == end + blank(end)) {
                            keywords.remove(before); // T-SQL batch separator
                            finish(i);
                        } else {
                            lineStarts.add(before);
                        }
                    }
                    line += count(sql, i, end);
                    i = end - 1;
                }
            }
            finish(n);
            return result;
        }

        private void finish(int end) {
            if (start >= 0 && !keywords.isEmpty()) {
                result.add(new Statement(
                        startLine,
                        sql.substring(start, Math.max(start, end)).strip(),
                        List.copyOf(keywords),
                        List.copyOf(lineStarts)));
            }
            keywords.clear();
            lineStarts.clear();
            start = -1;
        }

        private int endOfWord(int from) {
            int i = from;
            while (i < n && Character.isLetter(sql.charAt(i))) {
                i++;
            }
            return i;
        }

        /** How many blank characters follow {@code from} before the end of its line. */
        private int blank(int from) {
            int i = from;
            while (i < n && sql.charAt(i) != '\n' && Character.isWhitespace(sql.charAt(i))) {
                i++;
            }
            return i - from;
        }
    }

    /** Skips one token starting at i, recording it if it is a word; returns the index after it. */
    private static int skipToken(String sql, int i, List<String> keywords) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < n && sql.charAt(j) != c) {
                j += sql.charAt(j) == '\\' && c != '"' ? 2 : 1;
            }
            return Math.min(j + 1, n);
        }
        if (c == '$') {
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
            if (j < n && sql.charAt(j) == '$') {
                String tag = sql.substring(i, j + 1); // $$ or $tag$ quoting, as in DO $$ ... $$
                int end = sql.indexOf(tag, j + 1);
                return end < 0 ? n : end + tag.length();
            }
            return j;
        }
        if (Character.isLetter(c) || c == '_') {
            int j = i + 1;
            while (j < n
                    && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                j++;
            }
            keywords.add(sql.substring(i, j).toUpperCase(Locale.ROOT));
            return j;
        }
        return i + 1;
    }

    private static int endOfLine(String sql, int from) {
        int end = sql.indexOf('\n', from);
        return end < 0 ? sql.length() : end;
    }

    private static int count(String sql, int from, int to) {
        int lines = 0;
        for (int i = from; i < to && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
