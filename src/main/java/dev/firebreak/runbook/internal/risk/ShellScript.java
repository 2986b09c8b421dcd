package dev.firebreak.runbook.internal.risk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a shell block into logical command lines: joins backslash continuations and quotes that
 * span lines, attaches heredoc bodies to their commands, and in console transcripts keeps only the
 * prompt lines (the rest is output). Collects comments (for caution markers) and function names.
 */
final class ShellScript {

    /** One logical command line starting at physical line {@code index}. */
    record Line(int index, String text, List<SimpleCommand> commands, boolean tooDeep) {}

    final List<Line> lines = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    final Set<String> functions = new HashSet<>();

    private final String[] physical;
    private final boolean transcript;
    private final boolean console;
    private boolean rootPrompts;
    private int next;

    private ShellScript(String code, boolean console) {
        this.physical = code.split("\n", -1);
        this.console = console;
        this.transcript = detectTranscript();
    }

    static ShellScript read(String code, boolean console) {
        ShellScript script = new ShellScript(code, console);
        script.readLines();
        return script;
    }

    /**
     * A block is a transcript when a line carries a prompt. Root "# cmd" prompts are only trusted in
     * console blocks where no plain line starts with a command: otherwise "# kubectl get pods" is a
     * comment above real commands, and reading those as output would hide them.
     */
    private boolean detectTranscript() {
        boolean prompts = false;
        boolean rootPrompts = false;
        boolean plainCommands = false;
        for (String raw : physical) {
            String line = raw.strip();
            if (promptText(line) != null) {
                prompts = true;
            } else if (line.startsWith("# ")) {
                rootPrompts |= console && CommandCatalog.isKnown(firstWord(line.substring(2)));
            } else if (!line.startsWith("#")) {
                plainCommands |= CommandCatalog.isKnown(firstWord(line));
            }
        }
        this.rootPrompts = rootPrompts && !plainCommands;
        return prompts || this.rootPrompts;
    }

    private static String firstWord(String text) {
        String rest = text.stripLeading();
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    /** The command after a "$ ", user@host or trusted root "# " prompt, else null. */
    private String promptText(String raw) {
        String line = raw.stripLeading();
        if (line.startsWith("$ ") || line.equals("$")) {
            return line.length() > 2 ? line.substring(2) : "";
        }
        String afterUserPrompt = userPrompt(line);
        if (afterUserPrompt != null) {
            return afterUserPrompt;
        }
        boolean root = rootPrompts && line.startsWith("# ") && CommandCatalog.isKnown(firstWord(line.substring(2)));
        return root ? line.substring(2).stripLeading() : null;
    }

    /** user@host:~$ cmd, [user@host dir]$ cmd, root@host:/# cmd and PS C:\> cmd prompts. */
    private static String userPrompt(String line) {
        int ps = line.indexOf("> ");
        if (line.startsWith("PS ") && ps > 0 && ps < 80) {
            return line.substring(ps + 2);
        }
        int dollar = line.indexOf("$ ");
        int hash = line.indexOf("# ");
        int end = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
        if (end <= 0 || end > 80) {
            return null;
        }
        String prefix = line.substring(0, end);
        boolean plain = prefix.indexOf(' ') < 0 || (prefix.startsWith("[") && prefix.endsWith("]"));
        boolean safe = prefix.chars().noneMatch(c -> "'\"=()|;&`".indexOf(c) >= 0);
        return prefix.contains("@") && plain && safe ? line.substring(end + 2) : null;
    }

    private String physicalLine(int i) {
        String line = physical[i];
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Lines that continue a prompt's command in a transcript carry the "> " secondary prompt. */
    private String continuationLine(int i) {
        String line = physicalLine(i);
        if (transcript && line.startsWith("> ")) {
            return line.substring(2);
        }
        return line;
    }

    private void readLines() {
        while (next < physical.length) {
            int first = next;
            String start = physicalLine(next++);
            if (transcript) {
                start = promptText(start);
                if (start == null) {
                    continue; // command output
                }
            }
            if (start.isBlank()) {
                continue;
            }
            LineContinuation continuation = new LineContinuation();
            continuation.feed(start);
            StringBuilder text = new StringBuilder(start);
            while (continuation.continues() && next < physical.length) {
                String more = continuationLine(next++);
                text.append('\n').append(more);
                continuation.feed(more);
            }
            ShellParser.Parsed parsed = ShellParser.parse(text.toString());
            comments.addAll(parsed.comments());
            functions.addAll(parsed.functions());
            lines.add(new Line(first, text.toString(), withHeredocs(parsed.commands()), parsed.tooDeep()));
        }
        for (Line line : lines) {
            for (SimpleCommand command : line.commands()) {
                List<String> words = command.words();
                if (words.size() >= 2 && words.get(0).equals("function")) {
                    functions.add(words.get(1)); // function name {  (no parentheses)
                }
            }
        }
    }

    private List<SimpleCommand> withHeredocs(List<SimpleCommand> commands) {
        List<SimpleCommand> result = new ArrayList<>(commands.size());
        for (SimpleCommand command : commands) {
            if (command.heredocCount() == 0 || !command.heredocs().isEmpty()) { // none, or read in $( ... )
                result.add(command);
                continue;
            }
            List<String> bodies = new ArrayList<>();
            for (Redirect redirect : command.redirects()) {
                if (redirect.isHeredoc()) {
                    bodies.add(heredocBody(redirect.target()));
                }
            }
            result.add(command.withHeredocs(bodies));
        }
        return result;
    }

    /** Consumes lines up to the delimiter (indentation ignored: runbooks indent blocks freely). */
    private String heredocBody(String delimiter) {
        StringBuilder body = new StringBuilder();
        while (next < physical.length) {
            String line = continuationLine(next++);
            if (line.strip().equals(delimiter)) {
                break;
            }
            body.append(line).append('\n');
        }
        return body.toString();
    }
}
