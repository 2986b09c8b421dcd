package dev.firebreak.runbook.internal.risk;

/** Judges one invocation of a known command (kubectl, git, rm, ...). */
@FunctionalInterface
interface CommandRule {

    Verdict judge(Invocation invocation);

    static CommandRule readOnly() {
        return inv -> Verdict.readOnly(inv.name() + " is read-only");
    }

    static CommandRule mutating(String what) {
        return inv -> Verdict.mutating(inv.name() + " " + what);
    }

    static CommandRule destructive(String what) {
        return inv -> Verdict.destructive(inv.name() + " " + what);
    }
}
