package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** docker, podman, nerdctl and compose, by (management) subcommand. */
final class ContainerRules {

    private static final Set<String> GLOBAL_VALUES =
            Set.of("-H", "--host", "-c", "--context", "--config", "-l", "--log-level");
    private static final Set<String> COMPOSE_VALUES = Vocabulary.of("""
            -f --file -p --project-name --env-file --profile --project-directory --ansi --parallel
            """);
    private static final Set<String> MANAGEMENT = Vocabulary.of("""
            container image volume network system builder buildx node service stack secret config context plugin
            manifest trust swarm
            """);
    private static final Set<String> READS = Vocabulary.orNone("""
            ps ls list logs inspect images stats top version info port diff events history search df show help
            """);
    private static final Set<String> COMPOSE_READS = Vocabulary.orNone("""
                    ps ls logs config images top version port events help
                    """);
    private static final Set<String> REMOVALS = Set.of("rm", "rmi", "remove", "kill", "prune");

    private ContainerRules() {}

    static void register(Map<String, CommandRule> rules) {
        for (String docker : new String[] {"docker", "podman", "nerdctl"}) {
            rules.put(docker, ContainerRules::docker);
        }
        for (String compose : new String[] {"docker-compose", "podman-compose"}) {
            rules.put(compose, inv -> compose(inv, inv.name(), inv.args()));
        }
    }

    private static Verdict docker(Invocation inv) {
        List<String> positionals = inv.positionals(GLOBAL_VALUES);
        String verb = inv.positional(0, GLOBAL_VALUES);
        if (verb.equals("compose")) {
            List<String> args = inv.args();
            return compose(
                    inv, inv.name() + " compose", args.subList(args.indexOf(positionals.get(0)) + 1, args.size()));
        }
        String action = verb;
        String what = inv.name() + " " + verb;
        if (MANAGEMENT.contains(verb)) {
            action = inv.positional(1, GLOBAL_VALUES);
            what = what + (action.isEmpty() ? "" : " " + action);
        }
        if (READS.contains(action)) {
            return Verdict.readOnly(what + " is read-only");
        }
        if (REMOVALS.contains(action)) {
            // kill skips graceful shutdown; rm/rmi/prune delete containers, images or volumes for good.
            return Verdict.destructive(what
                    + (action.equals("kill")
                            ? " kills containers without graceful shutdown"
                            : " deletes containers, images or volumes"));
        }
        if (verb.equals("exec")) {
            return Verdict.max(Verdict.mutating(what + " runs a command inside a container"), execInner(inv));
        }
        return Verdict.mutating(what + " changes containers or images");
    }

    /** The command of docker exec [options] CONTAINER CMD..., judged like any command. */
    private static Verdict execInner(Invocation inv) {
        List<String> args = inv.args();
        Set<String> values = Set.of("-e", "--env", "--env-file", "-u", "--user", "-w", "--workdir", "--detach-keys");
        int i = args.indexOf("exec") + 1;
        while (i < args.size() && args.get(i).startsWith("-")) {
            i += values.contains(args.get(i)) ? 2 : 1;
        }
        i++; // the container
        return i < args.size() ? inv.run(args.subList(i, args.size())) : null;
    }

    private static Verdict compose(Invocation inv, String name, List<String> args) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            i += COMPOSE_VALUES.contains(args.get(i)) ? 2 : 1;
        }
        String verb = i < args.size() ? args.get(i) : "";
        List<String> rest = i < args.size() ? args.subList(i + 1, args.size()) : List.of();
        if (COMPOSE_READS.contains(verb)) {
            return Verdict.readOnly(name + " " + verb + " is read-only");
        }
        if (verb.equals("down")) {
            return rest.contains("-v") || rest.contains("--volumes") || rest.contains("--rmi")
                    ? Verdict.destructive(name + " down -v deletes volumes")
                    : Verdict.mutating(name + " down stops and removes containers");
        }
        if (verb.equals("exec") || verb.equals("run")) {
            Verdict runs = Verdict.mutating(name + " " + verb + " runs a command in a service container");
            return Verdict.max(runs, serviceCommand(inv, rest));
        }
        if (verb.equals("rm") || verb.equals("kill")) {
            return Verdict.destructive(name + " " + verb + " deletes or kills containers");
        }
        return Verdict.mutating(name + " " + verb + " changes containers");
    }

    /** The command of compose exec|run [options] SERVICE CMD..., judged like any command. */
    private static Verdict serviceCommand(Invocation inv, List<String> rest) {
        Set<String> values = Vocabulary.of(
                "-e --env -u --user -w --workdir --index --name --entrypoint -p --publish -v --volume -l --label");
        int i = 0;
        while (i < rest.size() && rest.get(i).startsWith("-")) {
            i += values.contains(rest.get(i)) ? 2 : 1;
        }
        i++; // the service
        return i < rest.size() ? inv.run(rest.subList(i, rest.size())) : null;
    }
}
