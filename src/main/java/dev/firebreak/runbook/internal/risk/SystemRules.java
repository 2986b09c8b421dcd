package dev.firebreak.runbook.internal.risk;

import java.util.Map;
import java.util.Set;

/** Services, processes, power and disks: systemctl, journalctl, kill, reboot, dd, mkfs, ... */
final class SystemRules {

    private static final Set<String> SYSTEMCTL_READS = Vocabulary.orNone("""
            status is-active is-enabled is-failed is-system-running list-units list-unit-files list-timers
            list-sockets list-dependencies list-jobs list-machines show cat help get-default show-environment
            """);
    private static final Set<String> SYSTEMCTL_DOWN =
            Set.of("reboot", "poweroff", "halt", "kexec", "soft-reboot", "emergency", "rescue");
    private static final Set<String> SYSTEMCTL_VALUES = Vocabulary.of("""
            -H --host -M --machine -t --type -p --property -s --signal -n --lines -o --output --state --root
            """);

    private SystemRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put("systemctl", SystemRules::systemctl);
        rules.put(
                "service",
                inv -> inv.has("--status-all") || inv.positional(1, Set.of()).equals("status")
                        ? Verdict.readOnly("service status is read-only")
                        : Verdict.mutating("service " + inv.positional(1, Set.of()) + " changes service state"));
        rules.put("journalctl", SystemRules::journalctl);
        rules.put("kill", SystemRules::kill);
        // Pattern-based killing can hit processes nobody meant to stop, and defaults reach every match.
        rules.put("pkill", CommandRule.destructive("kills every process matching a pattern"));
        rules.put("killall", CommandRule.destructive("kills every process with that name"));
        rules.put(
                "fuser",
                inv -> inv.hasShort('k')
                        ? Verdict.destructive("fuser -k kills processes")
                        : Verdict.readOnly("fuser is read-only"));
        for (String power : new String[] {"reboot", "halt", "poweroff"}) {
            rules.put(power, CommandRule.destructive("takes the machine down"));
        }
        rules.put(
                "shutdown",
                inv -> inv.has("-c")
                        ? Verdict.mutating("shutdown -c cancels a pending shutdown")
                        : Verdict.destructive("shutdown takes the machine down"));
        for (String disk :
                new String[] {"dd", "mkfs", "shred", "truncate", "wipefs", "mkswap", "blkdiscard", "sgdisk", "gdisk"}) {
            rules.put(disk, CommandRule.destructive("overwrites disks or files"));
        }
        for (String partitioner : new String[] {"fdisk", "sfdisk", "parted"}) {
            rules.put(
                    partitioner,
                    inv -> inv.has("-l", "--list") || inv.args().contains("print")
                            ? Verdict.readOnly(inv.name() + " -l only lists partitions")
                            : Verdict.destructive(inv.name() + " rewrites partition tables"));
        }
        rules.put(
                "crontab",
                inv -> inv.has("-l")
                        ? Verdict.readOnly("crontab -l is read-only")
                        : inv.has("-r")
                                ? Verdict.destructive("crontab -r removes every cron job")
                                : Verdict.mutating("crontab replaces cron jobs"));
        rules.put(
                "dmesg",
                inv -> inv.has("-c", "-C", "--clear", "--read-clear")
                        ? Verdict.mutating("dmesg -c clears the kernel log")
                        : Verdict.readOnly("dmesg is read-only"));
        rules.put(
                "date",
                inv -> inv.has("-s", "--set")
                        ? Verdict.mutating("date -s sets the clock")
                        : Verdict.readOnly("date is read-only"));
        rules.put(
                "hostname",
                inv -> inv.positionals(Set.of()).isEmpty()
                        ? Verdict.readOnly("hostname is read-only")
                        : Verdict.mutating("hostname NAME renames the host"));
        rules.put(
                "sysctl",
                inv -> inv.has("-w", "-p", "--write", "--load", "--system")
                                || inv.args().stream().anyMatch(a -> a.contains("="))
                        ? Verdict.mutating("sysctl changes kernel parameters")
                        : Verdict.readOnly("sysctl is read-only"));
        rules.put(
                "mount",
                inv -> inv.args().isEmpty() || inv.has("-l")
                        ? Verdict.readOnly("mount lists mounts")
                        : Verdict.mutating("mount changes mounts"));
        rules.put("umount", CommandRule.mutating("unmounts filesystems"));
        for (String tool : new String[] {
            "useradd",
            "usermod",
            "groupadd",
            "passwd",
            "chpasswd",
            "swapon",
            "swapoff",
            "modprobe",
            "insmod",
            "update-alternatives"
        }) {
            rules.put(tool, CommandRule.mutating("changes system configuration"));
        }
        rules.put("userdel", CommandRule.destructive("deletes a user account"));
        rules.put("nvidia-smi", SystemRules::nvidiaSmi);
        for (String ctl : new String[] {"hostnamectl", "timedatectl", "localectl", "loginctl"}) {
            rules.put(
                    ctl,
                    inv -> Set.of("", "status", "show", "list", "list-sessions", "list-users")
                                    .contains(inv.positional(0, Set.of()))
                            ? Verdict.readOnly(inv.name() + " status is read-only")
                            : Verdict.mutating(inv.name() + " changes system settings"));
        }
    }

    private static Verdict systemctl(Invocation inv) {
        String verb = inv.positional(0, SYSTEMCTL_VALUES);
        if (SYSTEMCTL_READS.contains(verb) || verb.startsWith("list-")) {
            return Verdict.readOnly("systemctl " + (verb.isEmpty() ? "" : verb + " ") + "is read-only");
        }
        if (SYSTEMCTL_DOWN.contains(verb)) {
            return Verdict.destructive("systemctl " + verb + " takes the machine down");
        }
        return Verdict.mutating("systemctl " + verb + " changes service state");
    }

    private static Verdict journalctl(Invocation inv) {
        for (String arg : inv.args()) {
            if (arg.startsWith("--vacuum-")) {
                String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                return Verdict.destructive("journalctl " + flag + " deletes journal files");
            }
        }
        if (inv.has("--rotate", "--flush", "--sync", "--setup-keys", "--relinquish-var")) {
            return Verdict.mutating("journalctl changes journal files");
        }
        return Verdict.readOnly("journalctl is read-only");
    }

    /** kill asks for a graceful exit (mutating); SIGKILL gives no chance to clean up (destructive). */
    private static Verdict kill(Invocation inv) {
        if (inv.has("-0", "-l", "-L", "--list")) {
            return Verdict.readOnly("kill -0 only checks that a process exists");
        }
        String signal = inv.value("-s", "-n", "--signal");
        if (inv.has("-9", "-KILL", "-SIGKILL")
                || (signal != null
                        && Set.of("9", "KILL", "SIGKILL").contains(signal.toUpperCase(java.util.Locale.ROOT)))) {
            return Verdict.destructive("kill -9 terminates processes without cleanup");
        }
        return Verdict.mutating("kill signals processes to stop");
    }

    private static Verdict nvidiaSmi(Invocation inv) {
        if (inv.has("-r", "--gpu-reset")) {
            return Verdict.destructive("nvidia-smi -r resets the GPU");
        }
        if (inv.has(
                "-pl",
                "-pm",
                "-ac",
                "-rac",
                "-c",
                "-e",
                "-mig",
                "--power-limit",
                "--persistence-mode",
                "--applications-clocks",
                "--compute-mode")) {
            return Verdict.mutating("nvidia-smi changes GPU settings");
        }
        return Verdict.readOnly("nvidia-smi is read-only");
    }
}
