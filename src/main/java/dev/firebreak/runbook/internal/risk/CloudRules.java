package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Cloud CLIs (aws, gcloud, az) by verb, and terraform/tofu by subcommand. */
final class CloudRules {

    private static final Set<String> AWS_VALUES = Set.of(
            "--region",
            "--profile",
            "--output",
            "--endpoint-url",
            "--query",
            "--color",
            "--cli-read-timeout",
            "--cli-connect-timeout");
    private static final List<String> READ_PREFIXES = List.of(
            "describe",
            "list",
            "get",
            "head",
            "lookup",
            "search",
            "batch-get",
            "scan",
            "query",
            "filter",
            "tail",
            "wait",
            "validate",
            "estimate",
            "preview",
            "simulate",
            "show",
            "read",
            "print",
            "info",
            "version",
            "logs");
    private static final List<String> DELETE_PREFIXES =
            List.of("delete", "terminate", "remove", "deregister", "purge", "destroy", "rm", "rb", "wipe");
    private static final Set<String> TERRAFORM_READS = Vocabulary.orNone("""
                    plan show validate output version providers graph console help
                    """);

    private CloudRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("aws", CloudRules::aws);
        rules.put("gcloud", inv -> byVerb(label(inv, inv.positionals(Set.of())), inv.positionals(Set.of())));
        rules.put("az", inv -> byVerb(label(inv, inv.positionals(Set.of())), inv.positionals(Set.of())));
        for (String terraform : new String[] {"terraform", "tofu", "terragrunt"}) {
            rules.put(terraform, CloudRules::terraform);
        }
    }

    private static Verdict aws(Invocation inv) {
        List<String> positionals = inv.positionals(AWS_VALUES);
        String service = inv.positional(0, AWS_VALUES);
        String op = inv.positional(1, AWS_VALUES);
        if (op.isEmpty()) {
            return Verdict.readOnly("aws " + service + " only prints help");
        }
        if (service.equals("s3")) {
            if (op.equals("ls") || op.equals("presign")) {
                return Verdict.readOnly("aws s3 " + op + " is read-only");
            }
            if (op.equals("rm") || op.equals("rb") || (op.equals("sync") && inv.has("--delete"))) {
                return Verdict.destructive(
                        "aws s3 " + op + (op.equals("sync") ? " --delete" : "") + " deletes objects");
            }
            return Verdict.mutating("aws s3 " + op + " writes objects");
        }
        if (service.equals("configure")
                && Set.of("list", "get", "list-profiles").contains(op)) {
            return Verdict.readOnly("aws configure " + op + " is read-only");
        }
        if (inv.has("--dry-run")) {
            return Verdict.readOnly("aws " + service + " " + op + " --dry-run changes nothing");
        }
        return byVerb(label(inv, positionals), List.of(op));
    }

    /** Destructive if any verb deletes, read-only if one only reads, otherwise mutating. */
    private static Verdict byVerb(String command, List<String> words) {
        boolean reads = words.isEmpty();
        for (String raw : words) {
            String word = raw.toLowerCase(Locale.ROOT);
            if (startsWithVerb(word, DELETE_PREFIXES) || word.equals("reset")) {
                return Verdict.destructive(command + " deletes cloud resources");
            }
            if (word.equals("get-credentials") || word.equals("login")) {
                return Verdict.mutating(command + " writes local credentials");
            }
            reads |= startsWithVerb(word, READ_PREFIXES);
        }
        return reads
                ? Verdict.readOnly(command + " is read-only")
                : Verdict.mutating(command + " changes cloud resources");
    }

    private static String label(Invocation inv, List<String> positionals) {
        return inv.name() + " " + String.join(" ", positionals.subList(0, Math.min(positionals.size(), 3)));
    }

    private static boolean startsWithVerb(String word, List<String> verbs) {
        for (String verb : verbs) {
            if (word.equals(verb) || word.startsWith(verb + "-")) {
                return true;
            }
        }
        return false;
    }

    private static Verdict terraform(Invocation inv) {
        List<String> positionals = inv.positionals(Set.of());
        int at = !positionals.isEmpty() && positionals.get(0).equals("run-all") ? 1 : 0;
        String verb = positionals.size() > at ? positionals.get(at) : "";
        String sub = positionals.size() > at + 1 ? positionals.get(at + 1) : "";
        String t = inv.name() + " ";
        if (verb.equals("destroy") || (verb.equals("apply") && inv.has("-destroy", "--destroy"))) {
            return Verdict.destructive(
                    t + verb + (verb.equals("apply") ? " -destroy" : "") + " deletes infrastructure");
        }
        if (TERRAFORM_READS.contains(verb) || (verb.equals("fmt") && inv.has("-check", "--check"))) {
            return Verdict.readOnly(t + verb + " is read-only");
        }
        return switch (verb) {
            case "apply" -> Verdict.mutating(t + "apply changes infrastructure");
            case "init" -> Verdict.mutating(t + "init downloads providers and modules");
            case "state" ->
                switch (sub) {
                    case "list", "show", "pull" -> Verdict.readOnly(t + "state " + sub + " is read-only");
                    case "rm" -> Verdict.destructive(t + "state rm makes terraform forget resources");
                    default -> Verdict.mutating(t + "state " + sub + " rewrites state");
                };
            case "workspace" ->
                switch (sub) {
                    case "list", "show" -> Verdict.readOnly(t + "workspace " + sub + " is read-only");
                    case "delete" -> Verdict.destructive(t + "workspace delete deletes a workspace and its state");
                    default -> Verdict.mutating(t + "workspace " + sub + " switches or creates workspaces");
                };
            default -> Verdict.mutating(t + verb + " changes infrastructure or files");
        };
    }
}
