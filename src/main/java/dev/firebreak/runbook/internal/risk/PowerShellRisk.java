package dev.firebreak.runbook.internal.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PowerShell by cmdlet verb: Get-/Test-/Select-... read, Remove-/Clear-... lose data, and other
 * verbs change state. Lines are split with the shell parser once backtick escapes are removed;
 * commands that are not cmdlets (kubectl, git, ...) get the shell rules.
 */
final class PowerShellRisk {

    private static final Set<String> READ_VERBS = Vocabulary.of("""
            get test show find measure select where format sort group compare resolve search wait watch
            convertto convertfrom join split read foreach import debug trace use
            """);
    private static final Set<String> LOSS_VERBS = Vocabulary.of("remove clear uninstall");
    private static final Set<String> READ_ALIASES = Vocabulary.of("""
            ls dir gci cat gc type echo sls ps gps where ? % select sort ft fl fw cd pwd cls clear gl gm iwr
            """);
    private static final Set<String> REMOVE_ALIASES = Vocabulary.of("rm del erase rd ri rmdir");

    private PowerShellRisk() {}

    static BlockAnalysis analyze(String code) {
        String unescaped = code.replace("`\r\n", " ").replace("`\n", " ").replace("`", "");
        ShellScript script = ShellScript.read(unescaped, false);
        ShellRisk shell = new ShellRisk(script.functions);
        List<LineAssessment> lines = new ArrayList<>();
        for (ShellScript.Line line : script.lines) {
            Verdict verdict = null;
            for (SimpleCommand command : line.commands()) {
                verdict = Verdict.max(verdict, judge(command.words(), shell));
            }
            if (verdict != null) {
                lines.add(new LineAssessment(
                        line.index(), line.text().strip(), verdict.risk().label(), verdict.reason()));
            }
        }
        return new BlockAnalysis(lines, script.comments);
    }

    /** Judges a command and the commands inside its { script blocks }. */
    private static Verdict judge(List<String> words, ShellRisk shell) {
        List<String> own = new ArrayList<>();
        List<String> block = new ArrayList<>();
        Verdict inner = null;
        int depth = 0;
        for (String word : words) {
            if (word.equals("{") || word.equals("}")) {
                depth += word.equals("{") ? 1 : -1;
                inner = Verdict.max(inner, block.isEmpty() ? null : judge(List.copyOf(block), shell));
                block.clear();
            } else if (depth > 0) {
                block.add(word);
            } else {
                own.add(word);
            }
        }
        return Verdict.max(judgeCommand(own, shell), inner);
    }

    private static Verdict judgeCommand(List<String> words, ShellRisk shell) {
        if (words.isEmpty()) {
            return null;
        }
        if (words.get(0).startsWith("$") && words.size() > 1 && words.get(1).endsWith("=")) {
            Verdict value = judgeCommand(words.subList(2, words.size()), shell);
            return value != null ? value : Verdict.readOnly("variable assignment");
        }
        String name = words.get(0);
        if (name.startsWith("$")) {
            // An expression such as  $_.CPU -gt 100  in a Where-Object block; method calls may change state.
            return words.stream().anyMatch(w -> w.contains("("))
                    ? Verdict.mutating("calls a .NET method (assumed mutating)")
                    : Verdict.readOnly("PowerShell expression");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        int dash = lower.indexOf('-');
        if (READ_ALIASES.contains(lower)) {
            return Verdict.readOnly(name + " is read-only");
        }
        if (REMOVE_ALIASES.contains(lower)) {
            return Verdict.destructive(name + " (Remove-Item) deletes items");
        }
        if (dash <= 0 || !Character.isLetter(lower.charAt(dash + 1 < lower.length() ? dash + 1 : dash))) {
            return shell.judgeWords(words, List.of(), 0);
        }
        return cmdlet(name, lower.substring(0, dash), lower.substring(dash + 1), words.subList(1, words.size()));
    }

    private static Verdict cmdlet(String name, String verb, String noun, List<String> args) {
        List<String> lowerArgs =
                args.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        if (name.equalsIgnoreCase("Clear-Host")) {
            return Verdict.readOnly("Clear-Host only clears the screen");
        }
        if (verb.equals("format") && (noun.equals("volume") || noun.equals("disk"))) {
            return Verdict.destructive(name + " erases a volume");
        }
        if (verb.equals("invoke") && (noun.equals("webrequest") || noun.equals("restmethod"))) {
            int method = lowerArgs.indexOf("-method");
            String value = method >= 0 && method + 1 < args.size() ? args.get(method + 1) : null;
            return HttpRules.method(name, value, lowerArgs.contains("-body"));
        }
        if (verb.equals("out")) {
            return noun.equals("file")
                    ? Verdict.mutating(name + " writes a file")
                    : Verdict.readOnly(name + " only prints");
        }
        if (verb.equals("write")) {
            return Set.of("host", "output", "verbose", "warning", "error", "debug", "information", "progress")
                            .contains(noun)
                    ? Verdict.readOnly(name + " only prints")
                    : Verdict.mutating(name + " writes data");
        }
        if ((verb.equals("stop") && noun.equals("process") && lowerArgs.contains("-force"))
                || (Set.of("stop", "restart").contains(verb) && noun.equals("computer"))) {
            return Verdict.destructive(name
                    + (noun.equals("computer")
                            ? " takes the machine down"
                            : " -Force kills processes without cleanup"));
        }
        if (LOSS_VERBS.contains(verb)) {
            return Verdict.destructive(name + " deletes data");
        }
        if (READ_VERBS.contains(verb)) {
            return Verdict.readOnly(name + " is read-only");
        }
        return Verdict.mutating(name + " changes state");
    }
}
