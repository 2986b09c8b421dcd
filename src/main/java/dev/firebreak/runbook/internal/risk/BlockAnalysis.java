package dev.firebreak.runbook.internal.risk;

import java.util.ArrayList;
import java.util.List;

/** The per-line risks of one executable block and the comments in it (for caution markers). */
record BlockAnalysis(List<LineAssessment> lines, List<String> comments) {

    static BlockAnalysis of(BlockLanguage kind, String language, String code) {
        return switch (kind) {
            case SHELL, CONSOLE -> shell(code, kind == BlockLanguage.CONSOLE);
            case SQL -> sql(code);
            case REDIS -> redis(code);
            case QUERY -> query(language, code);
            case HTTP -> http(code);
            case POWERSHELL -> PowerShellRisk.analyze(code);
            case DATA, CODE -> code(language, code);
        };
    }

    private static BlockAnalysis shell(String code, boolean console) {
        ShellScript script = ShellScript.read(code, console);
        ShellRisk shell = new ShellRisk(script.functions);
        List<LineAssessment> lines = new ArrayList<>();
        for (ShellScript.Line line : script.lines) {
            Verdict verdict = shell.judgeLine(line.commands(), 0);
            if (line.tooDeep()) {
                verdict = Verdict.max(
                        verdict, Verdict.mutating("commands nested too deeply to judge (assumed mutating)"));
            }
            if (verdict != null) {
                lines.add(new LineAssessment(
                        line.index(), line.text().strip(), verdict.risk().label(), verdict.reason()));
            }
        }
        return new BlockAnalysis(lines, script.comments);
    }

    private static BlockAnalysis sql(String code) {
        List<LineAssessment> lines = new ArrayList<>();
        for (SqlRisk.Statement statement : SqlRisk.statements(code)) {
            Verdict verdict = SqlStatements.judge(statement);
            lines.add(new LineAssessment(
                    statement.line(), statement.text(), verdict.risk().label(), verdict.reason()));
        }
        return new BlockAnalysis(lines, commentLines(code));
    }

    /** redis blocks hold bare commands (GET key) or redis-cli invocations; judge each line. */
    private static BlockAnalysis redis(String code) {
        List<LineAssessment> lines = new ArrayList<>();
        String[] physical = code.split("\n", -1);
        ShellRisk shell = new ShellRisk(java.util.Set.of());
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i].strip();
            if (line.startsWith("$ ")) {
                line = line.substring(2);
            }
            Verdict verdict = line.startsWith("redis-cli") || line.startsWith("valkey-cli")
                    ? shell.judgeLine(ShellParser.parse(line).commands(), 0)
                    : RedisRisk.judgeLines(line);
            if (verdict != null) {
                lines.add(new LineAssessment(i, line, verdict.risk().label(), verdict.reason()));
            }
        }
        return new BlockAnalysis(lines, commentLines(code));
    }

    /** PromQL and similar query languages cannot change anything: every line is read-only. */
    private static BlockAnalysis query(String language, String code) {
        List<LineAssessment> lines = new ArrayList<>();
        String[] physical = code.split("\n", -1);
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i].strip();
            if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("//")) {
                lines.add(
                        new LineAssessment(i, line, Risk.READ_ONLY.label(), language.strip() + " query is read-only"));
            }
        }
        return new BlockAnalysis(lines, commentLines(code));
    }

    /** An http block holds request lines such as "DELETE /api/items/1 HTTP/1.1". */
    private static BlockAnalysis http(String code) {
        List<LineAssessment> lines = new ArrayList<>();
        String[] physical = code.split("\n", -1);
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i].strip();
            int space = line.indexOf(' ');
            String method = space > 0 ? line.substring(0, space) : "";
            if (!method.isEmpty()
                    && method.chars().allMatch(c -> c >= 'A' && c <= 'Z')
                    && (line.startsWith("/", space + 1) || line.startsWith("http", space + 1))) {
                Verdict verdict = HttpRules.method("HTTP", method, false);
                lines.add(new LineAssessment(i, line, verdict.risk().label(), verdict.reason()));
            }
        }
        return new BlockAnalysis(lines, commentLines(code));
    }

    /** Program code (python, go, ...) can do anything: one mutating entry for the whole block. */
    private static BlockAnalysis code(String language, String code) {
        String[] physical = code.split("\n", -1);
        for (int i = 0; i < physical.length; i++) {
            if (!physical[i].isBlank()) {
                String reason = language.strip() + " code can do anything (assumed mutating)";
                return new BlockAnalysis(
                        List.of(new LineAssessment(i, code.strip(), Risk.MUTATING.label(), reason)),
                        commentLines(code));
            }
        }
        return new BlockAnalysis(List.of(), List.of());
    }

    /** Lines that are comments in most languages (#, --, //, /* and * continuation lines). */
    private static List<String> commentLines(String code) {
        List<String> comments = new ArrayList<>();
        for (String raw : code.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")
                    || line.startsWith("--")
                    || line.startsWith("//")
                    || line.startsWith("/*")
                    || line.startsWith("*")) {
                comments.add(line);
            }
        }
        return comments;
    }
}
