package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interpreters, build tools and package managers. Scripts and build targets can do anything, so
 * they are mutating unless they only print a version or pretty-print (python -m json.tool).
 */
final class ToolchainRules {

    private static final Set<String> PACKAGE_READS = Vocabulary.orNone("""
            list ls show search info policy madison depends rdepends showpkg freeze check help view outdated why
            explain doctor whoami ping query root prefix list-installed check-update inspect debug index hash
            env vet doc tree metadata audit
            """);

    private ToolchainRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("python", ToolchainRules::python);
        for (String interpreter : new String[] {
            "node", "ruby", "perl", "php", "java", "deno", "bun", "Rscript", "lua", "groovy", "dotnet", "npx", "pipx",
            "uvx"
        }) {
            rules.put(interpreter, ToolchainRules::interpreter);
        }
        for (String make : new String[] {"make", "gmake"}) {
            rules.put(make, ToolchainRules::make);
        }
        for (String build :
                new String[] {"mvn", "mvnw", "gradle", "gradlew", "ant", "bazel", "cmake", "ninja", "just", "task"}) {
            rules.put(build, CommandRule.mutating("runs a build (assumed mutating)"));
        }
        for (String manager : new String[] {
            "pip", "pip3", "apt", "apt-get", "yum", "dnf", "apk", "zypper", "brew", "snap", "npm", "yarn", "pnpm",
            "gem", "cargo", "go", "conda", "poetry", "uv"
        }) {
            rules.put(manager, ToolchainRules::packageManager);
        }
        rules.put(
                "dpkg",
                inv -> inv.has(
                                "-l",
                                "-L",
                                "-s",
                                "-S",
                                "-p",
                                "--list",
                                "--status",
                                "--search",
                                "--listfiles",
                                "--print-architecture")
                        ? Verdict.readOnly("dpkg -l is read-only")
                        : Verdict.mutating("dpkg changes installed packages"));
        rules.put(
                "rpm",
                inv -> inv.args().stream().anyMatch(a -> a.startsWith("-q") || a.equals("--query"))
                        ? Verdict.readOnly("rpm -q is read-only")
                        : Verdict.mutating("rpm changes installed packages"));
    }

    private static Verdict python(Invocation inv) {
        List<String> args = inv.args();
        if (args.isEmpty()) {
            return inv.stdin().isEmpty()
                    ? Verdict.mutating(inv.name() + " starts an interactive session (assumed mutating)")
                    : Verdict.mutating(inv.name() + " runs code from its input (assumed mutating)");
        }
        if (inv.has("--version", "-V", "--help", "-h")) {
            return Verdict.readOnly(inv.name() + " --version is read-only");
        }
        String module = inv.value("-m");
        if ("json.tool".equals(module)) {
            return Verdict.readOnly(inv.name() + " -m json.tool only pretty-prints JSON");
        }
        if (module != null) {
            return Verdict.mutating("runs python module '" + module + "' (assumed mutating)");
        }
        if (inv.value("-c") != null) {
            return Verdict.mutating(inv.name() + " -c runs inline code (assumed mutating)");
        }
        List<String> positionals = inv.positionals(Set.of("-W", "-X"));
        String script = positionals.isEmpty() ? "-" : positionals.get(0);
        return Verdict.mutating("runs python script '" + script + "' (assumed mutating)");
    }

    private static Verdict interpreter(Invocation inv) {
        if (inv.has("--version", "-v", "-V", "version") && inv.args().size() == 1) {
            return Verdict.readOnly(inv.name() + " --version is read-only");
        }
        List<String> positionals = inv.positionals(Set.of());
        String what = positionals.isEmpty() ? "code" : "'" + positionals.get(0) + "'";
        return Verdict.mutating(inv.name() + " runs " + what + " (assumed mutating)");
    }

    private static Verdict make(Invocation inv) {
        if (inv.has("-n", "--dry-run", "--just-print", "--recon")) {
            return Verdict.readOnly("make -n only prints commands");
        }
        List<String> targets = inv.positionals(Set.of("-C", "-f", "-j", "--directory", "--file"));
        targets.removeIf(ShellRisk::isAssignment);
        return Verdict.mutating(
                targets.isEmpty()
                        ? "make runs the default target (assumed mutating)"
                        : "make " + String.join(" ", targets) + " runs build targets (assumed mutating)");
    }

    private static Verdict packageManager(Invocation inv) {
        String verb = inv.positional(0, Set.of("-C", "--prefix", "-r", "--index-url"));
        if (inv.args().size() == 1 && inv.has("--version", "-v", "-V", "version")) {
            return Verdict.readOnly(inv.name() + " --version is read-only");
        }
        if ((verb.equals("audit") && inv.args().contains("fix"))
                || (verb.equals("config")
                        && !inv.args().contains("get")
                        && !inv.args().contains("list"))) {
            return Verdict.mutating(inv.name() + " " + verb + " changes configuration or packages");
        }
        if (PACKAGE_READS.contains(verb) && !(inv.name().equals("go") && verb.equals("env") && inv.has("-w"))) {
            return Verdict.readOnly(inv.name() + " " + verb + " is read-only");
        }
        if (Set.of("run", "start", "test", "exec", "run-script", "x", "dlx").contains(verb)) {
            return Verdict.mutating(inv.name() + " " + verb + " runs project scripts (assumed mutating)");
        }
        return Verdict.mutating(inv.name() + " " + verb + " changes installed packages or files");
    }
}
