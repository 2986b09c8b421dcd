package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** kubectl (and oc) and helm, by subcommand. */
final class KubernetesRules {

    private static final Set<String> GLOBAL_VALUES = Vocabulary.of("""
            -n --namespace --context --kubeconfig --cluster --user -s --server --token --as --as-group
            --request-timeout --kube-context
            """);
    private static final Set<String> KUBECTL_READS = Vocabulary.orNone("""
            get describe logs log top explain version api-resources api-versions cluster-info diff events wait
            completion plugin kustomize options help
            """);
    private static final Map<String, String> KUBECTL_WRITES = Map.ofEntries(
            Map.entry("apply", "applies manifests to the cluster"),
            Map.entry("create", "creates resources"),
            Map.entry("patch", "modifies resources"),
            Map.entry("edit", "modifies resources"),
            Map.entry("scale", "changes the replica count"),
            Map.entry("label", "changes labels"),
            Map.entry("annotate", "changes annotations"),
            Map.entry("cordon", "stops scheduling on the node"),
            Map.entry("uncordon", "resumes scheduling on the node"),
            Map.entry("taint", "changes node taints"),
            Map.entry("set", "modifies resources"),
            Map.entry("cp", "copies files into or out of a container"),
            Map.entry("port-forward", "opens a tunnel into the cluster"),
            Map.entry("proxy", "opens a proxy to the API server"),
            Map.entry("attach", "attaches to a running container"),
            Map.entry("autoscale", "creates an autoscaler"),
            Map.entry("expose", "creates a service"),
            Map.entry("run", "starts a pod"),
            Map.entry("debug", "starts a debug container"),
            Map.entry("certificate", "approves or denies certificates"));
    private static final Map<String, String> ROLLOUT = Map.of(
            "restart", "restarts every pod of the workload",
            "undo", "rolls back to the previous revision",
            "pause", "pauses the rollout",
            "resume", "resumes the rollout");
    private static final Set<String> HELM_READS = Vocabulary.orNone("""
            list ls status history hist get show inspect template search version env lint verify help completion
            """);

    private KubernetesRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("kubectl", KubernetesRules::kubectl);
        rules.put("oc", KubernetesRules::kubectl);
        rules.put("helm", KubernetesRules::helm);
        for (String switcher : new String[] {"kubectx", "kubens"}) {
            rules.put(
                    switcher,
                    inv -> inv.args().isEmpty()
                            ? Verdict.readOnly(inv.name() + " lists contexts")
                            : Verdict.mutating(inv.name() + " switches the current kube context"));
        }
    }

    private static Verdict kubectl(Invocation inv) {
        List<String> positionals = inv.positionals(GLOBAL_VALUES);
        String verb = inv.positional(0, GLOBAL_VALUES);
        String sub = inv.positional(1, GLOBAL_VALUES);
        String k = inv.name() + " ";
        if (dryRun(inv)) {
            return Verdict.readOnly(k + verb + " --dry-run changes nothing");
        }
        if (KUBECTL_READS.contains(verb)) {
            return Verdict.readOnly(k + verb + " is read-only");
        }
        switch (verb) {
            case "delete":
                return Verdict.destructive(k + "delete removes resources");
            case "rollout":
                return Set.of("history", "status").contains(sub)
                        ? Verdict.readOnly(k + "rollout " + sub + " is read-only")
                        : Verdict.mutating(
                                k + "rollout " + sub + " " + ROLLOUT.getOrDefault(sub, "changes the rollout"));
            case "auth":
                return Set.of("can-i", "whoami").contains(sub)
                        ? Verdict.readOnly(k + "auth " + sub + " is read-only")
                        : Verdict.mutating(k + "auth " + sub + " changes RBAC");
            case "config":
                return Set.of("view", "get-contexts", "current-context", "get-clusters", "get-users")
                                .contains(sub)
                        ? Verdict.readOnly(k + "config " + sub + " is read-only")
                        : Verdict.mutating(k + "config " + sub + " changes the kubeconfig");
            case "drain":
                // Plain drain evicts pods that get rescheduled; these flags lose data or unmanaged pods for good.
                if (inv.has("--delete-emptydir-data", "--delete-local-data")) {
                    return Verdict.destructive(k + "drain --delete-emptydir-data deletes emptyDir volume data");
                }
                return inv.has("--force")
                        ? Verdict.destructive(k + "drain --force deletes pods no controller will recreate")
                        : Verdict.mutating(k + "drain evicts every pod from the node");
            case "replace":
                return inv.has("--force")
                        ? Verdict.destructive(k + "replace --force deletes and recreates resources")
                        : Verdict.mutating(k + "replace overwrites resources");
            case "exec":
                Verdict exec = Verdict.mutating(k + "exec runs a command inside a container");
                return Verdict.max(exec, inv.run(inv.afterDoubleDash()));
            default:
                String what = KUBECTL_WRITES.get(verb);
                if (what != null) {
                    return Verdict.mutating(k + verb + " " + what);
                }
                return Verdict.mutating("unknown " + k + "subcommand '" + positionals.get(0) + "' (assumed mutating)");
        }
    }

    private static boolean dryRun(Invocation inv) {
        String value = inv.value("--dry-run");
        return value != null && !value.equals("none") && !value.equals("false");
    }

    private static Verdict helm(Invocation inv) {
        String verb = inv.positional(0, GLOBAL_VALUES);
        String sub = inv.positional(1, GLOBAL_VALUES);
        if (HELM_READS.contains(verb)
                || (Set.of("repo", "dependency", "dep", "plugin", "registry").contains(verb) && sub.equals("list"))) {
            return Verdict.readOnly("helm " + verb + (HELM_READS.contains(verb) ? "" : " list") + " is read-only");
        }
        if (Set.of("uninstall", "delete", "del", "un").contains(verb)) {
            return Verdict.destructive("helm " + verb + " removes the release and its resources");
        }
        if (inv.has("--dry-run")) {
            return Verdict.readOnly("helm " + verb + " --dry-run changes nothing");
        }
        if (Set.of("install", "upgrade", "rollback", "test").contains(verb)) {
            return Verdict.mutating("helm " + verb + " changes the release");
        }
        return Verdict.mutating(
                "helm " + verb + (sub.isEmpty() ? "" : " " + sub) + " changes charts, repositories or releases");
    }
}
