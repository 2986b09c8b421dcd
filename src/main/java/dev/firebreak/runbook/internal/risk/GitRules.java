package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** git by subcommand: reads, history-preserving changes, and changes that lose work for good. */
final class GitRules {

    private static final Set<String> GLOBAL_VALUES = Set.of("-C", "-c", "--git-dir", "--work-tree", "--namespace");
    private static final Set<String> READS = Vocabulary.orNone("""
            status log diff show fetch rev-parse blame ls-files ls-remote ls-tree describe shortlog grep
            show-ref cat-file whatchanged version help for-each-ref merge-base name-rev count-objects fsck
            cherry var check-ignore rev-list show-branch
            """);
    private static final Set<String> BRANCH_LISTING = Vocabulary.of("""
            -a --all -r --remotes -v -vv --verbose --list -l --show-current --contains --merged --no-merged
            --sort --points-at --format --color --no-color --column
            """);

    private GitRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("git", GitRules::git);
    }

    private static Verdict git(Invocation inv) {
        List<String> positionals = inv.positionals(GLOBAL_VALUES);
        String verb = inv.positional(0, GLOBAL_VALUES);
        String sub = inv.positional(1, GLOBAL_VALUES);
        List<String> args = inv.args();
        List<String> rest =
                positionals.isEmpty() ? List.of() : args.subList(args.indexOf(positionals.get(0)) + 1, args.size());
        if (READS.contains(verb)) {
            return Verdict.readOnly("git " + verb + " is read-only");
        }
        return switch (verb) {
            case "clean" -> clean(inv, rest);
            case "reset" ->
                rest.contains("--hard")
                        ? Verdict.destructive("git reset --hard discards uncommitted changes")
                        : Verdict.mutating("git reset moves the branch or unstages changes");
            case "push" -> push(rest);
            case "branch" -> branch(rest);
            case "checkout" ->
                rest.contains("--") || rest.contains(".") || rest.contains("-f") || rest.contains("--force")
                        ? Verdict.destructive("git checkout -- <paths> discards local changes")
                        : Verdict.mutating("git checkout switches branches");
            case "restore" ->
                rest.contains("--staged") && !rest.contains("--worktree")
                        ? Verdict.mutating("git restore --staged unstages changes")
                        : Verdict.destructive("git restore discards local changes");
            case "stash" ->
                switch (sub) {
                    case "list", "show" -> Verdict.readOnly("git stash " + sub + " is read-only");
                    case "drop", "clear" -> Verdict.destructive("git stash " + sub + " discards stashed changes");
                    default -> Verdict.mutating("git stash changes the working tree");
                };
            case "tag" ->
                rest.isEmpty() || rest.contains("-l") || rest.contains("--list")
                        ? Verdict.readOnly("git tag lists tags")
                        : Verdict.mutating("git tag creates or deletes tags");
            case "remote" ->
                sub.isEmpty() || Set.of("show", "get-url", "-v").contains(sub) || rest.equals(List.of("-v"))
                        ? Verdict.readOnly("git remote -v is read-only")
                        : Verdict.mutating("git remote " + sub + " changes remotes");
            case "config" ->
                configRead(rest)
                        ? Verdict.readOnly("git config reading is read-only")
                        : Verdict.mutating("git config changes configuration");
            case "reflog" ->
                Set.of("expire", "delete").contains(sub)
                        ? Verdict.destructive("git reflog " + sub + " drops recovery points")
                        : Verdict.readOnly("git reflog is read-only");
            case "filter-branch", "filter-repo" -> Verdict.destructive("git " + verb + " rewrites history");
            default -> Verdict.mutating("git " + verb + " changes the repository");
        };
    }

    private static Verdict clean(Invocation inv, List<String> rest) {
        if (rest.contains("-n") || rest.contains("--dry-run")) {
            return Verdict.readOnly("git clean -n only lists files");
        }
        List<String> flags = rest.stream().filter(a -> a.startsWith("-")).toList();
        boolean force =
                rest.contains("--force") || flags.stream().anyMatch(f -> !f.startsWith("--") && f.indexOf('f') > 0);
        return force
                ? Verdict.destructive("git clean " + String.join(" ", flags) + " deletes untracked files")
                : Verdict.mutating("git clean without -f refuses to delete (assumed mutating)");
    }

    private static Verdict push(List<String> rest) {
        for (String arg : rest) {
            if (arg.equals("-f") || arg.startsWith("--force") || arg.equals("--mirror") || arg.equals("--prune")) {
                return Verdict.destructive("git push " + arg + " overwrites remote history");
            }
            if (arg.equals("-d") || arg.equals("--delete") || (arg.startsWith(":") && arg.length() > 1)) {
                return Verdict.destructive("git push --delete deletes remote branches");
            }
            if (arg.startsWith("+")) {
                return Verdict.destructive("git push +refspec force-overwrites remote history");
            }
        }
        return Verdict.mutating("git push publishes commits");
    }

    private static Verdict branch(List<String> rest) {
        if (rest.contains("-D")
                || ((rest.contains("-d") || rest.contains("--delete"))
                        && (rest.contains("-f") || rest.contains("--force")))) {
            return Verdict.destructive("git branch -D force-deletes a branch");
        }
        if (rest.contains("-d") || rest.contains("--delete")) {
            return Verdict.mutating("git branch -d deletes a merged branch");
        }
        boolean listing = rest.isEmpty() || rest.stream().anyMatch(a -> BRANCH_LISTING.contains(a.split("=", 2)[0]));
        boolean changing = rest.stream().anyMatch(a -> Vocabulary.of("""
                -m -M -c -C -u --set-upstream-to --unset-upstream --move --copy
                """).contains(a));
        return listing && !changing
                ? Verdict.readOnly("git branch lists branches")
                : Verdict.mutating("git branch creates or renames a branch");
    }

    private static boolean configRead(List<String> rest) {
        if (rest.stream().anyMatch(a -> Set.of("--get", "--get-all", "--get-regexp", "--list", "-l", "get", "list")
                .contains(a))) {
            return true;
        }
        return rest.stream().filter(a -> !a.startsWith("-")).count() <= 1;
    }
}
