package dev.firebreak.runbook.internal.risk;

import java.util.Map;

/** Commands that create, change or delete files: rm and friends, archives, editors. */
final class FileRules {

    private FileRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("rm", FileRules::rm);
        rules.put("unlink", CommandRule.destructive("deletes a file"));
        rules.put("rmdir", CommandRule.mutating("removes empty directories"));
        rules.put("mv", CommandRule.mutating("moves or renames files"));
        rules.put("cp", CommandRule.mutating("copies files (may overwrite)"));
        rules.put("chmod", CommandRule.mutating("changes file permissions"));
        rules.put("chown", CommandRule.mutating("changes file ownership"));
        rules.put("chgrp", CommandRule.mutating("changes file group"));
        rules.put("ln", CommandRule.mutating("creates links"));
        rules.put("mkdir", CommandRule.mutating("creates directories"));
        rules.put("touch", CommandRule.mutating("creates or updates files"));
        rules.put("install", CommandRule.mutating("copies files into place"));
        rules.put("scp", CommandRule.mutating("copies files between hosts"));
        rules.put("patch", CommandRule.mutating("edits files"));
        rules.put("mktemp", CommandRule.mutating("creates a temporary file"));
        rules.put("sponge", CommandRule.mutating("overwrites a file"));
        rules.put(
                "rsync",
                inv -> inv.has(
                                "--delete",
                                "--delete-before",
                                "--delete-after",
                                "--delete-during",
                                "--remove-source-files")
                        ? Verdict.destructive("rsync --delete deletes files at the destination")
                        : Verdict.mutating("rsync copies files (may overwrite)"));
        for (String editor : new String[] {"vi", "vim", "nvim", "nano", "emacs", "ed"}) {
            rules.put(editor, CommandRule.mutating("opens an editor"));
        }
        rules.put("tar", FileRules::tar);
        rules.put(
                "unzip",
                inv -> inv.has("-l", "-t", "-v", "-Z")
                        ? Verdict.readOnly("unzip -l only lists")
                        : Verdict.mutating("unzip extracts files"));
        rules.put("zip", CommandRule.mutating("writes an archive"));
        for (String codec : new String[] {"gzip", "gunzip", "bzip2", "bunzip2", "xz", "unxz", "zstd"}) {
            rules.put(
                    codec,
                    inv -> inv.has("-c", "--stdout", "-l", "--list", "-t", "--test")
                            ? Verdict.readOnly(inv.name() + " -c only prints")
                            : Verdict.mutating(inv.name() + " replaces files with (de)compressed ones"));
        }
    }

    /** rm is always destructive; the reason says how far it reaches. */
    private static Verdict rm(Invocation inv) {
        boolean recursive = inv.hasShort('r') || inv.hasShort('R') || inv.has("--recursive");
        boolean force = inv.hasShort('f') || inv.has("--force");
        if (recursive && force) {
            return Verdict.destructive("rm -rf deletes files recursively without confirmation");
        }
        if (recursive) {
            return Verdict.destructive("rm -r deletes directories recursively");
        }
        return Verdict.destructive("rm deletes files");
    }

    private static Verdict tar(Invocation inv) {
        String mode = inv.args().isEmpty() ? "" : inv.args().get(0);
        if (inv.has("--list")
                || (!mode.startsWith("--")
                        && mode.indexOf('t') >= 0
                        && mode.indexOf('c') < 0
                        && mode.indexOf('x') < 0)) {
            return Verdict.readOnly("tar -t only lists");
        }
        return Verdict.mutating("tar writes or extracts files");
    }
}
