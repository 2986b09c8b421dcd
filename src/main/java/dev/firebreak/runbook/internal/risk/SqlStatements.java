package dev.firebreak.runbook.internal.risk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Judges one SQL statement by its keywords: reads, writes, and statements that lose data. */
final class SqlStatements {

    private static final Set<String> READS = Vocabulary.of("""
            SELECT SHOW DESCRIBE DESC VALUES TABLE HELP USE FETCH LIST PRAGMA STATUS
            """);
    private static final Map<String, String> WRITES = Map.ofEntries(
            Map.entry("INSERT", "adds rows"),
            Map.entry("UPSERT", "adds or changes rows"),
            Map.entry("REPLACE", "adds or replaces rows"),
            Map.entry("MERGE", "changes rows"),
            Map.entry("CREATE", "creates database objects"),
            Map.entry("ALTER", "changes the schema"),
            Map.entry("GRANT", "changes permissions"),
            Map.entry("REVOKE", "changes permissions"),
            Map.entry("VACUUM", "rewrites tables"),
            Map.entry("ANALYZE", "updates planner statistics"),
            Map.entry("REINDEX", "rebuilds indexes"),
            Map.entry("CLUSTER", "rewrites a table"),
            Map.entry("SET", "changes settings"),
            Map.entry("RESET", "changes settings"),
            Map.entry("BEGIN", "starts a transaction"),
            Map.entry("START", "starts a transaction"),
            Map.entry("COMMIT", "commits a transaction"),
            Map.entry("END", "commits a transaction"),
            Map.entry("ROLLBACK", "rolls back a transaction"),
            Map.entry("ABORT", "rolls back a transaction"),
            Map.entry("SAVEPOINT", "marks a savepoint"),
            Map.entry("RELEASE", "releases a savepoint"),
            Map.entry("LOCK", "locks tables"),
            Map.entry("REFRESH", "refreshes a materialized view"),
            Map.entry("CALL", "runs a procedure"),
            Map.entry("DO", "runs an anonymous code block"),
            Map.entry("COMMENT", "changes comments"),
            Map.entry("CHECKPOINT", "forces a checkpoint"),
            Map.entry("KILL", "terminates a connection or query"),
            Map.entry("OPTIMIZE", "rewrites a table"),
            Map.entry("FLUSH", "flushes caches or logs"),
            Map.entry("LOAD", "loads data"),
            Map.entry("IMPORT", "imports data"),
            Map.entry("NOTIFY", "sends a notification"));
    /** Functions that change server state even inside a SELECT. */
    private static final Set<String> WRITING_FUNCTIONS = Vocabulary.of("""
            PG_TERMINATE_BACKEND PG_CANCEL_BACKEND SETVAL NEXTVAL PG_RELOAD_CONF PG_ROTATE_LOGFILE PG_SWITCH_WAL
            SET_CONFIG PG_DROP_REPLICATION_SLOT PG_ADVISORY_LOCK
            """);

    private SqlStatements() {}

    /** Statement keywords that, at the start of a line, begin a statement missing its ';'. */
    private static final Set<String> STARTERS = Vocabulary.of("""
            SELECT INSERT UPDATE DELETE DROP TRUNCATE ALTER CREATE GRANT REVOKE MERGE VACUUM REINDEX
            """);

    /**
     * The statement's verdict, raised by any line that starts another statement: a runbook's
     * "SELECT ... (newline) DELETE FROM jobs" without ';' must not hide the DELETE.
     */
    static Verdict judge(SqlRisk.Statement statement) {
        Verdict verdict = judgeKeywords(statement, statement.keywords());
        List<String> k = statement.keywords();
        List<Integer> starts = statement.lineStarts().stream()
                .filter(i -> i > 0 && STARTERS.contains(k.get(i)))
                .toList();
        if (k.isEmpty() || k.get(0).equals("EXPLAIN")) {
            return verdict;
        }
        for (int j = 0; j < starts.size(); j++) {
            int end = j + 1 < starts.size() ? starts.get(j + 1) : k.size();
            verdict = Verdict.max(verdict, judgeKeywords(statement, k.subList(starts.get(j), end)));
        }
        return verdict;
    }

    private static Verdict judgeKeywords(SqlRisk.Statement statement, List<String> k) {
        if (k.isEmpty()) {
            return Verdict.readOnly("empty SQL statement");
        }
        String first = k.get(0);
        if (first.startsWith("\\")) {
            return meta(first);
        }
        switch (first) {
            case "DROP":
                return Verdict.destructive(
                        "DROP " + (k.size() > 1 ? k.get(1) + " " : "") + "removes database objects and their data");
            case "TRUNCATE":
                return Verdict.destructive("TRUNCATE removes every row");
            case "DELETE":
                return Verdict.destructive("DELETE removes rows");
            case "UPDATE":
                return k.contains("WHERE")
                        ? Verdict.mutating("UPDATE ... WHERE changes rows")
                        : Verdict.destructive("UPDATE without WHERE rewrites every row");
            case "ALTER":
                return k.contains("DROP")
                        ? Verdict.destructive("ALTER ... DROP removes columns, constraints or data")
                        : Verdict.mutating("ALTER changes the schema");
            case "EXPLAIN":
                return explain(statement, k);
            case "WITH":
                return dataChangingCte(k);
            case "COPY":
                return k.contains("FROM")
                        ? Verdict.mutating("COPY ... FROM loads rows")
                        : Verdict.readOnly("COPY ... TO only exports");
            case "SELECT":
                return select(k);
            default:
                break;
        }
        if (READS.contains(first)) {
            return Verdict.readOnly(first + " is read-only");
        }
        String what = WRITES.get(first);
        if (what != null) {
            return Verdict.mutating(first + " " + what);
        }
        return Verdict.mutating("unknown SQL statement '" + first + "' (assumed mutating)");
    }

    private static Verdict select(List<String> k) {
        for (String word : k) {
            if (WRITING_FUNCTIONS.contains(word)) {
                return Verdict.mutating(
                        "SELECT " + word.toLowerCase(java.util.Locale.ROOT) + "() changes server state");
            }
        }
        return k.contains("INTO")
                ? Verdict.mutating("SELECT ... INTO writes a table or file")
                : Verdict.readOnly("SELECT is read-only");
    }

    /** EXPLAIN only plans, but EXPLAIN ANALYZE executes the statement it explains. */
    private static Verdict explain(SqlRisk.Statement statement, List<String> k) {
        int analyze = k.indexOf("ANALYZE");
        if (analyze < 0 || analyze > 4) {
            return Verdict.readOnly("EXPLAIN only plans the query");
        }
        int body = analyze + 1;
        while (body < k.size()
                && !READS.contains(k.get(body))
                && !WRITES.containsKey(k.get(body))
                && !Set.of("UPDATE", "DELETE", "WITH").contains(k.get(body))) {
            body++; // skip options such as VERBOSE, BUFFERS
        }
        if (body >= k.size()) {
            return Verdict.readOnly("EXPLAIN ANALYZE of nothing");
        }
        Verdict inner = judgeKeywords(statement, k.subList(body, k.size()));
        return new Verdict(inner.risk(), "EXPLAIN ANALYZE executes the statement: " + inner.reason());
    }

    private static Verdict dataChangingCte(List<String> k) {
        if (k.contains("DELETE") || k.contains("TRUNCATE")) {
            return Verdict.destructive("WITH ... DELETE removes rows");
        }
        if (k.contains("UPDATE") || k.contains("INSERT") || k.contains("MERGE")) {
            return Verdict.mutating("WITH ... UPDATE/INSERT changes rows");
        }
        return select(k);
    }

    private static Verdict meta(String command) {
        String name = command.split("\\s+", 2)[0];
        if (name.equals("\\i") || name.equals("\\ir") || name.equals("\\include")) {
            return Verdict.mutating("psql " + name + " runs a SQL file (assumed mutating)");
        }
        if (name.equals("\\!")) {
            return Verdict.mutating("psql \\! runs a shell command (assumed mutating)");
        }
        if (name.equals("\\copy") && command.toLowerCase(java.util.Locale.ROOT).contains(" from ")) {
            return Verdict.mutating("psql \\copy ... from loads rows");
        }
        return Verdict.readOnly("psql " + name + " meta-command is read-only");
    }
}
