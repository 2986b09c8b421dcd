package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commands that run another command (sudo, env, timeout, xargs, watch, bash -c, ssh, ...): the
 * risk is the inner command's, so a sudo'd read stays read-only and an xargs'd delete is destructive.
 */
final class ShellWrappers {

    private ShellWrappers() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("sudo", inv -> sudo(inv));
        rules.put("doas", inv -> sudo(inv));
        rules.put("env", ShellWrappers::env);
        rules.put("time", inv -> inner(inv, Set.of()));
        rules.put("nohup", inv -> inner(inv, Set.of()));
        rules.put(
                "command",
                inv -> inv.has("-v", "-V") ? Verdict.readOnly("command -v is read-only") : inner(inv, Set.of()));
        rules.put("builtin", inv -> inner(inv, Set.of()));
        rules.put("exec", inv -> inner(inv, Set.of("-a")));
        rules.put("nice", inv -> inner(inv, Set.of("-n", "--adjustment")));
        rules.put("ionice", inv -> inner(inv, Set.of("-c", "-n", "-p", "-t")));
        rules.put("stdbuf", inv -> inner(inv, Set.of("-i", "-o", "-e")));
        rules.put("timeout", ShellWrappers::timeout);
        rules.put("xargs", inv -> inner(inv, Vocabulary.of("""
                                -I -n -P -L -d -a -E -s --max-args --max-procs --delimiter --arg-file
                                """)));
        rules.put("watch", ShellWrappers::watch);
        for (String shell : List.of("bash", "sh", "zsh", "dash", "ksh", "ash", "fish")) {
            rules.put(shell, ShellWrappers::shell);
        }
        rules.put("su", ShellWrappers::su);
        rules.put("ssh", ShellWrappers::ssh);
        rules.put("eval", inv -> inv.runScript(String.join(" ", inv.args())));
        rules.put(
                "trap",
                inv -> inv.args().isEmpty()
                        ? Verdict.readOnly("trap lists traps")
                        : inv.runScript(inv.args().get(0)));
        rules.put("source", inv -> Verdict.mutating(inv.name() + " runs a script in this shell (assumed mutating)"));
        rules.put(".", inv -> Verdict.mutating("'.' runs a script in this shell (assumed mutating)"));
    }

    /** Judges what follows the wrapper's own options; a bare wrapper only prints (xargs echoes). */
    private static Verdict inner(Invocation inv, Set<String> valueFlags) {
        List<String> args = inv.args();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            String arg = args.get(i);
            i += valueFlags.contains(arg) ? 2 : 1;
            if (arg.equals("--")) {
                break;
            }
        }
        if (i >= args.size()) {
            return Verdict.readOnly(inv.name() + " without a command is read-only");
        }
        return inv.run(args.subList(i, args.size()));
    }

    private static Verdict sudo(Invocation inv) {
        List<String> args = inv.args();
        if (args.isEmpty() || inv.has("-i", "-s", "--login", "--shell") && onlyOptions(args)) {
            return Verdict.mutating(inv.name() + " opens a root shell (assumed mutating)");
        }
        if (inv.has("-l", "--list", "-v", "--validate", "-k", "-K") && onlyOptions(args)) {
            return Verdict.readOnly(inv.name() + " " + args.get(0) + " is read-only");
        }
        return inner(inv, Vocabulary.of("""
                        -u -g -h -p -C -U -r -t --user --group --host --prompt
                        """));
    }

    private static boolean onlyOptions(List<String> args) {
        return args.stream().allMatch(a -> a.startsWith("-"));
    }

    private static Verdict env(Invocation inv) {
        List<String> args = inv.args();
        int i = 0;
        while (i < args.size() && (args.get(i).startsWith("-") || ShellRisk.isAssignment(args.get(i)))) {
            String arg = args.get(i);
            i += arg.equals("-u") || arg.equals("--unset") || arg.equals("-C") || arg.equals("-S") ? 2 : 1;
        }
        if (i >= args.size()) {
            return Verdict.readOnly("env prints the environment");
        }
        return inv.run(args.subList(i, args.size()));
    }

    private static Verdict timeout(Invocation inv) {
        List<String> args = inv.args();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String arg = args.get(i);
            i += arg.equals("-s") || arg.equals("-k") || arg.equals("--signal") || arg.equals("--kill-after") ? 2 : 1;
        }
        i++; // the duration
        return i < args.size() ? inv.run(args.subList(i, args.size())) : Verdict.readOnly("timeout without a command");
    }

    /** watch runs its argument through sh -c, so a single quoted argument is a whole script. */
    private static Verdict watch(Invocation inv) {
        List<String> args = inv.args();
        Set<String> valueFlags = Set.of("-n", "--interval", "-d", "-q", "--equexit");
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String arg = args.get(i);
            i += valueFlags.contains(arg) && !arg.equals("-d") ? 2 : 1;
        }
        if (i >= args.size()) {
            return Verdict.readOnly("watch without a command");
        }
        Verdict verdict = inv.runScript(String.join(" ", args.subList(i, args.size())));
        return verdict == null ? Verdict.readOnly("watch of nothing") : verdict;
    }

    private static Verdict shell(Invocation inv) {
        String script = inv.value("-c");
        if (script != null) {
            Verdict verdict = inv.runScript(script);
            return verdict == null ? Verdict.readOnly(inv.name() + " -c of nothing") : verdict;
        }
        for (String body : inv.stdin()) {
            Verdict verdict = inv.runScript(body); // bash <<EOF ... EOF runs the body
            if (verdict != null) {
                return Verdict.max(verdict, Verdict.readOnly(inv.name() + " runs a heredoc"));
            }
        }
        List<String> positionals = inv.positionals(Set.of("-o", "-O"));
        if (positionals.isEmpty()) {
            return Verdict.mutating(inv.name() + " runs a script from its input (assumed mutating)");
        }
        return Verdict.mutating("runs script '" + positionals.get(0) + "' (assumed mutating)");
    }

    private static Verdict su(Invocation inv) {
        String script = inv.value("-c", "--command");
        return script != null
                ? inv.runScript(script)
                : Verdict.mutating("su opens a shell as another user (assumed mutating)");
    }

    /** ssh host CMD runs CMD remotely; ssh host alone opens an interactive session. */
    private static Verdict ssh(Invocation inv) {
        List<String> positionals = inv.positionals(Vocabulary.of("""
                -p -i -l -o -F -J -L -R -D -b -c -E -m -S -W -w -B -O -Q
                """));
        if (positionals.size() < 2 && !inv.stdin().isEmpty()) {
            Verdict remote = null; // ssh host <<EOF ... EOF runs the body remotely
            for (String body : inv.stdin()) {
                remote = Verdict.max(remote, inv.runScript(body));
            }
            return remote != null ? remote : Verdict.readOnly("ssh runs nothing");
        }
        if (positionals.size() < 2) {
            return Verdict.mutating("ssh opens an interactive session (assumed mutating)");
        }
        Verdict verdict = inv.runScript(String.join(" ", positionals.subList(1, positionals.size())));
        return verdict == null ? Verdict.readOnly("ssh runs nothing") : verdict;
    }
}
