package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Database CLIs: the SQL they are given (-c, -e, heredoc, here-string) is judged as SQL. */
final class DatabaseRules {

    private DatabaseRules() {}

    static void register(Map<String, CommandRule> rules) {
        rules.put(
                "psql",
                inv -> sqlClient(inv, List.of("-c", "--command"), List.of("-f", "--file"), inv.has("-l", "--list")));
        for (String mysql : new String[] {"mysql", "mariadb"}) {
            rules.put(mysql, inv -> sqlClient(inv, List.of("-e", "--execute"), List.of(), false));
        }
        rules.put(
                "clickhouse-client", inv -> sqlClient(inv, List.of("-q", "--query"), List.of("--queries-file"), false));
        for (String sqlite : new String[] {"sqlite3", "sqlite"}) {
            rules.put(sqlite, DatabaseRules::sqlite);
        }
        rules.put("cockroach", DatabaseRules::cockroach);
        rules.put(
                "pg_dump",
                inv -> inv.value("-f", "--file") != null
                        ? Verdict.mutating("pg_dump -f writes a dump file")
                        : Verdict.readOnly("pg_dump only reads the database"));
        rules.put("pg_dumpall", CommandRule.readOnly());
        rules.put(
                "pg_restore",
                inv -> inv.has("-c", "--clean")
                        ? Verdict.destructive("pg_restore --clean drops objects before restoring")
                        : Verdict.mutating("pg_restore loads data"));
        rules.put("createdb", CommandRule.mutating("creates a database"));
        rules.put("createuser", CommandRule.mutating("creates a role"));
        rules.put("dropdb", CommandRule.destructive("deletes a database"));
        rules.put("dropuser", CommandRule.destructive("deletes a role"));
    }

    /** Joins every value of the given flags (a client may repeat -c) and judges it as SQL. */
    private static Verdict sqlClient(Invocation inv, List<String> commandFlags, List<String> fileFlags, boolean lists) {
        List<String> args = inv.args();
        Verdict verdict = null;
        for (int i = 0; i < args.size(); i++) {
            String sql = flagValue(args, i, commandFlags);
            if (sql != null) {
                verdict = Verdict.max(verdict, SqlRisk.judge(sql));
            }
            if (flagValue(args, i, fileFlags) != null) {
                verdict = Verdict.max(
                        verdict,
                        Verdict.mutating(inv.name() + " " + args.get(i) + " runs a SQL file (assumed mutating)"));
            }
        }
        for (String body : inv.stdin()) {
            verdict = Verdict.max(verdict, SqlRisk.judge(body));
        }
        if (verdict == null) {
            return lists
                    ? Verdict.readOnly(inv.name() + " -l lists databases")
                    : Verdict.mutating(inv.name() + " reads SQL from its input (assumed mutating)");
        }
        return verdict;
    }

    /** The value if args[i] is one of the flags ("-c SQL", "--command=SQL", "-cSQL"), else null. */
    private static String flagValue(List<String> args, int i, List<String> flags) {
        String arg = args.get(i);
        for (String flag : flags) {
            if (arg.equals(flag)) {
                return i + 1 < args.size() ? args.get(i + 1) : "";
            }
            if (flag.startsWith("--") ? arg.startsWith(flag + "=") : arg.startsWith(flag) && arg.length() > 2) {
                return arg.substring(flag.length() + (flag.startsWith("--") ? 1 : 0));
            }
        }
        return null;
    }

    /** sqlite3 [options] DB [SQL]: dot-commands such as .tables read; .import and .restore write. */
    private static Verdict sqlite(Invocation inv) {
        List<String> positionals = inv.positionals(Set.of("-cmd", "-separator", "-nullvalue"));
        Verdict verdict = null;
        for (String sql : positionals.subList(Math.min(1, positionals.size()), positionals.size())) {
            if (sql.startsWith(".")) {
                verdict = Verdict.max(
                        verdict,
                        Set.of(".import", ".restore", ".read", ".load", ".save", ".backup", ".output", ".once").stream()
                                        .anyMatch(sql::startsWith)
                                ? Verdict.mutating("sqlite3 " + sql.split(" ", 2)[0] + " writes data or files")
                                : Verdict.readOnly("sqlite3 " + sql.split(" ", 2)[0] + " is read-only"));
            } else {
                verdict = Verdict.max(verdict, SqlRisk.judge(sql));
            }
        }
        for (String body : inv.stdin()) {
            verdict = Verdict.max(verdict, SqlRisk.judge(body));
        }
        return verdict != null ? verdict : Verdict.mutating("sqlite3 opens an interactive session (assumed mutating)");
    }

    private static Verdict cockroach(Invocation inv) {
        String verb = inv.positional(0, Set.of());
        String sub = inv.positional(1, Set.of());
        if (verb.equals("sql")) {
            return sqlClient(inv, List.of("-e", "--execute"), List.of("-f", "--file"), false);
        }
        if (verb.equals("version")
                || (verb.equals("node") && Set.of("status", "ls").contains(sub))) {
            return Verdict.readOnly("cockroach " + verb + " is read-only");
        }
        return Verdict.mutating("cockroach " + verb + " changes the cluster");
    }
}
