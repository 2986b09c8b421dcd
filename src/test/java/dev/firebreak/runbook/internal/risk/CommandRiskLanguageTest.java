package dev.firebreak.runbook.internal.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Languages other than shell, caution markers, and the per-line view. */
class CommandRiskLanguageTest {

    private final CommandRiskClassifier classifier = new CommandRiskClassifier();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "json",
                "yaml",
                "yml",
                "toml",
                "xml",
                "markdown",
                "md",
                "text",
                "txt",
                "plaintext",
                "csv",
                "html",
                "ini",
                "log",
                "diff",
                "JSON",
                ""
            })
    void dataBlocksHaveNoRisk(String language) {
        CommandRiskClassifier.Assessment assessment =
                classifier.classify(language, "rm -rf /\nDROP TABLE x;", "USE WITH CAUTION");
        assertThat(assessment.risk()).isNull();
        assertThat(assessment.reasons()).isEmpty();
        assertThat(classifier.lines(language, "rm -rf /")).isEmpty();
    }

    @Test
    void nullLanguageIsData() {
        assertThat(classifier.classify(null, "rm -rf /", null).risk()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"promql", "logql", "metricsql"})
    void queryLanguagesAreReadOnly(String language) {
        assertThat(classifier
                        .classify(language, "sum(rate(x[5m])) by (job)", null)
                        .risk())
                .isEqualTo("read-only");
    }

    @Test
    void sqlBlocksAreJudgedPerStatement() {
        String sql = """
                -- check the queue; DROP in a comment means nothing
                SELECT count(*) FROM jobs WHERE state = 'DROP TABLE';
                /* a block comment: DELETE FROM x; */
                select * from pg_stat_activity;
                EXPLAIN SELECT * FROM jobs;
                \\dt
                """;
        assertThat(classifier.classify("sql", sql, null).risk()).isEqualTo("read-only");
        assertThat(classifier.lines("sql", sql))
                .extracting(LineAssessment::line)
                .containsExactly(1, 3, 4, 5);
    }

    @Test
    void sqlWritesAndDataLoss() {
        assertThat(sqlRisk("INSERT INTO t VALUES (1);")).isEqualTo("mutating");
        assertThat(sqlRisk("update t set a = 1 where id = 2;")).isEqualTo("mutating");
        assertThat(sqlRisk("UPDATE t SET a = 1;")).isEqualTo("destructive");
        assertThat(sqlRisk("CREATE INDEX CONCURRENTLY i ON t (a);")).isEqualTo("mutating");
        assertThat(sqlRisk("ALTER TABLE t ADD COLUMN c int;")).isEqualTo("mutating");
        assertThat(sqlRisk("ALTER TABLE t DROP COLUMN c;")).isEqualTo("destructive");
        assertThat(sqlRisk("GRANT SELECT ON t TO app;")).isEqualTo("mutating");
        assertThat(sqlRisk("REVOKE ALL ON t FROM app;")).isEqualTo("mutating");
        assertThat(sqlRisk("VACUUM ANALYZE t;")).isEqualTo("mutating");
        assertThat(sqlRisk("ANALYZE t;")).isEqualTo("mutating");
        assertThat(sqlRisk("REINDEX TABLE t;")).isEqualTo("mutating");
        assertThat(sqlRisk("SET statement_timeout = '5s';")).isEqualTo("mutating");
        assertThat(sqlRisk("BEGIN; SELECT 1; COMMIT;")).isEqualTo("mutating");
        assertThat(sqlRisk("DROP TABLE t;")).isEqualTo("destructive");
        assertThat(sqlRisk("truncate t;")).isEqualTo("destructive");
        assertThat(sqlRisk("DELETE FROM t WHERE id = 1;")).isEqualTo("destructive");
        assertThat(sqlRisk("EXPLAIN ANALYZE DELETE FROM t;")).isEqualTo("destructive");
        assertThat(sqlRisk("EXPLAIN ANALYZE SELECT 1;")).isEqualTo("read-only");
        assertThat(sqlRisk("EXPLAIN DELETE FROM t;")).isEqualTo("read-only");
        assertThat(sqlRisk("SHOW max_connections; DESCRIBE t;")).isEqualTo("read-only");
        assertThat(sqlRisk("WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone;"))
                .isEqualTo("destructive");
        assertThat(sqlRisk("DO $$ BEGIN PERFORM 1; END $$;")).isEqualTo("mutating");
        assertThat(sqlRisk("SELECT 'a;b' AS x; SELECT \"weird;name\" FROM t;")).isEqualTo("read-only");
    }

    @Test
    void sqlStatementsWithoutSemicolonsStillCount() {
        assertThat(sqlRisk("SELECT count(*) FROM jobs\nDELETE FROM jobs WHERE state = 'done'"))
                .isEqualTo("destructive");
        assertThat(sqlRisk("SELECT 1\nUPDATE t SET a = 1 WHERE id = 2")).isEqualTo("mutating");
        assertThat(sqlRisk("UPDATE t\nSET a = 1\nWHERE id = 2;")).isEqualTo("mutating");
        assertThat(sqlRisk("INSERT INTO archive\nSELECT * FROM jobs;")).isEqualTo("mutating");
        assertThat(sqlRisk("SELECT a\nFROM t\nUNION\nSELECT b FROM u;")).isEqualTo("read-only");
        assertThat(sqlRisk("EXPLAIN\nDELETE FROM t;")).isEqualTo("read-only");
        assertThat(sqlRisk("SHOW PROCESSLIST\\G\nKILL 123;")).isEqualTo("mutating");
        assertThat(sqlRisk("SELECT 1\nGO\nTRUNCATE TABLE t\nGO")).isEqualTo("destructive");
        assertThat(classifier.lines("sql", "SELECT 1\nGO\nSELECT 2\nGO")).hasSize(2);
    }

    private String sqlRisk(String sql) {
        return classifier.classify("sql", sql, null).risk();
    }

    @Test
    void redisBlocksAreJudgedPerLine() {
        assertThat(classifier
                        .classify("redis", "GET a\n127.0.0.1:6379> llen q", null)
                        .risk())
                .isEqualTo("read-only");
        assertThat(classifier.classify("redis", "GET a\nDEL a", null).risk()).isEqualTo("destructive");
        assertThat(classifier.classify("redis", "redis-cli SET a 1", null).risk())
                .isEqualTo("mutating");
    }

    @Test
    void httpBlocksFollowTheMethod() {
        assertThat(classifier
                        .classify("http", "GET /api/items HTTP/1.1\nHost: x", null)
                        .risk())
                .isEqualTo("read-only");
        assertThat(classifier
                        .classify("http", "DELETE /api/items/1 HTTP/1.1", null)
                        .risk())
                .isEqualTo("destructive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "javascript", "go", "ruby", "java"})
    void programCodeIsMutating(String language) {
        CommandRiskClassifier.Assessment assessment = classifier.classify(language, "print('hello')", null);
        assertThat(assessment.risk()).isEqualTo("mutating");
        assertThat(assessment.reasons()).singleElement().asString().contains("assumed mutating");
    }

    @Test
    void cautionMarkersInContextOrCommentsMakeABlockDestructive() {
        assertThat(classifier
                        .classify("bash", "kubectl get pods", "⚠️ USE WITH CAUTION")
                        .reasons())
                .containsExactly("marked USE WITH CAUTION");
        assertThat(classifier
                        .classify("bash", "kubectl get pods", "WARNING: this deletes data")
                        .risk())
                .isEqualTo("destructive");
        assertThat(classifier.classify("bash", "# DANGER\nls", null).risk()).isEqualTo("destructive");
        assertThat(classifier
                        .classify("bash", "# WARNING: irreversible\nls", null)
                        .reasons())
                .contains("marked WARNING", "marked irreversible");
        assertThat(classifier
                        .classify("sql", "-- USE WITH CAUTION\nSELECT 1;", null)
                        .risk())
                .isEqualTo("destructive");
    }

    @Test
    void ordinaryProseIsNotAMarker() {
        assertThat(classifier
                        .classify("bash", "kubectl get pods", "Check warnings in the logs:")
                        .risk())
                .isEqualTo("read-only");
        assertThat(classifier
                        .classify("bash", "echo \"WARNING: disk full\"", null)
                        .risk())
                .isEqualTo("read-only");
        assertThat(classifier
                        .classify("bash", "ls", "Nothing dangerous here; warnings are listed below.")
                        .risk())
                .isEqualTo("read-only");
        assertThat(classifier.classify("bash", "ls", null).reasons()).containsExactly("ls is read-only");
    }

    @Test
    void emptyExecutableBlocksAreReadOnly() {
        assertThat(classifier.classify("bash", "# only a comment\n", null).reasons())
                .containsExactly("no commands");
        assertThat(classifier.classify("bash", null, null).risk()).isEqualTo("read-only");
    }

    @Test
    void linesReportEachCommandLine() {
        List<LineAssessment> lines = classifier.lines("bash", "# check\nkubectl get pods\n\nkubectl delete pod x\nfi");
        assertThat(lines)
                .containsExactly(
                        new LineAssessment(1, "kubectl get pods", "read-only", "kubectl get is read-only"),
                        new LineAssessment(
                                3, "kubectl delete pod x", "destructive", "kubectl delete removes resources"));
    }

    @Test
    void isSafeToShareAcrossThreads() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    if (!"destructive"
                            .equals(classifier
                                    .classify("bash", "ls | xargs rm", null)
                                    .risk())) {
                        wrong.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(wrong).hasValue(0);
    }
}
