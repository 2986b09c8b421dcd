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
    private static final List<String> READ_PREFIXES = List.copyOf(Vocabulary.of("""
            describe list ls get head lookup search batch-get scan query filter tail wait validate estimate
            preview simulate show read print info version logs status health members analyze check diff
            history tree stats proxy-status proxy-config
            """));
    private static final List<String> WRITE_PREFIXES = List.copyOf(Vocabulary.of("""
            create update set put sync apply start stop restart reboot scale deploy reconcile suspend resume
            patch write add enable disable rollback upgrade install import promote failover attach detach
            resize move copy cp mv run exec invoke modify tag untag register associate disassociate revoke
            grant authorize cancel send publish replace rotate renew approve
            """));
    private static final List<String> DELETE_PREFIXES = List.of(
            "delete", "del", "terminate", "remove", "deregister", "purge", "destroy", "rm", "rb", "wipe", "uninstall");
    private static final Set<String> TERRAFORM_READS = Vocabulary.orNone("""
                    plan show validate output version providers graph console help
                    """);

    private CloudRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("aws", CloudRules::aws);
        // Cloud and platform CLIs share the shape "tool group... verb": the verb decides.
        for (String tool : Vocabulary.of(
                "gcloud az vault etcdctl consul nomad argocd flux istioctl linkerd velero eksctl doctl")) {
            rules.put(tool, inv -> byVerb(inv.name(), inv.positionals(Set.of())));
        }
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
        return byVerb("aws " + positionals.get(0), List.of(op));
    }

    /**
     * The first word that is a known verb decides: group words before it (compute instances, kv)
     * are not verbs, and names after it (sync status-page) must not count as one.
     */
    private static Verdict byVerb(String tool, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).toLowerCase(Locale.ROOT);
            if (startsWithVerb(word, DELETE_PREFIXES) || word.equals("reset")) {
                return Verdict.destructive(label(tool, words, i) + " deletes resources");
            }
            if (word.equals("get-credentials") || word.equals("login")) {
                return Verdict.mutating(label(tool, words, i) + " writes local credentials");
            }
            if (startsWithVerb(word, WRITE_PREFIXES)) {
                return Verdict.mutating(label(tool, words, i) + " changes resources");
            }
            if (startsWithVerb(word, READ_PREFIXES)) {
                return Verdict.readOnly(label(tool, words, i) + " is read-only");
            }
        }
        return words.isEmpty()
                ? Verdict.readOnly(tool + " only prints help")
                : Verdict.mutating(label(tool, words, Math.min(words.size(), 3) - 1) + " changes resources");
    }

    /** The tool and its words up to the verb at {@code last}, leaving out names and values after it. */
    private static String label(String tool, List<String> words, int last) {
        return last < 0 ? tool : tool + " " + String.join(" ", words.subList(0, last + 1));
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
