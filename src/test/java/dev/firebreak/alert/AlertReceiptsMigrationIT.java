package dev.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** V7 moves each alert's receipts to their own table and keeps every stored alert's values. */
@Tag("database")
class AlertReceiptsMigrationIT {
    @Test
    void storedAlertsKeepTheirReceipts() throws SQLException {
        String schema = "v7_" + UUID.randomUUID().toString().substring(0, 8);
        String url = TestDatabase.postgres()
                ? TestDatabase.postgresUrl() + "?currentSchema=" + schema
                : "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
        String user = TestDatabase.postgres() ? "postgres" : "sa";
        migrate(url, user, schema, "6");
        try (Connection db = DriverManager.getConnection(url, user, "");
                Statement sql = db.createStatement()) {
            sql.execute("insert into integrations (name, type, key_hash, key_prefix, rate_per_second, rate_burst,"
                    + " created_at) values ('p', 'PROMETHEUS', 'h', 'k', 1, 1, timestamp '2026-11-30 00:00:00+00')");
            sql.execute("insert into alerts (fingerprint, firing_fingerprint, integration_id, labels_json,"
                    + " annotations_json, status, starts_at, ends_at, timeout_at, receive_count, first_received_at,"
                    + " last_received_at) select 'f1', 'f1', id, '{}', '{}', 'FIRING',"
                    + " timestamp '2026-11-30 00:00:00+00', null, timestamp '2026-11-30 00:05:00+00', 7,"
                    + " timestamp '2026-11-30 00:00:00+00', timestamp '2026-11-30 00:03:00+00' from integrations");
            sql.execute("insert into alerts (fingerprint, integration_id, labels_json, annotations_json, status,"
                    + " starts_at, ends_at, timeout_at, receive_count, first_received_at, last_received_at,"
                    + " resolved_at) select 'f2', id, '{}', '{}', 'RESOLVED', timestamp '2026-11-30 00:00:00+00',"
                    + " timestamp '2026-11-30 00:02:00+00', null, 2, timestamp '2026-11-30 00:00:00+00',"
                    + " timestamp '2026-11-30 00:01:00+00', timestamp '2026-11-30 00:02:00+00' from integrations");
        }

        migrate(url, user, schema, "7");

        try (Connection db = DriverManager.getConnection(url, user, "");
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select fingerprint, status, firing, receive_count,"
                        + " last_received_at, ends_at, timeout_at from alerts join alert_receipts on alert_id = id"
                        + " order by fingerprint")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("fingerprint")).isEqualTo("f1");
            assertThat(rows.getBoolean("firing")).isTrue();
            assertThat(rows.getInt("receive_count")).isEqualTo(7);
            assertThat(rows.getObject("last_received_at", java.time.OffsetDateTime.class)
                            .toInstant())
                    .hasToString("2026-11-30T00:03:00Z");
            assertThat(rows.getObject("ends_at")).isNull();
            assertThat(rows.getObject("timeout_at", java.time.OffsetDateTime.class)
                            .toInstant())
                    .hasToString("2026-11-30T00:05:00Z");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("fingerprint")).isEqualTo("f2");
            assertThat(rows.getBoolean("firing")).isFalse();
            assertThat(rows.getInt("receive_count")).isEqualTo(2);
            assertThat(rows.getObject("ends_at", java.time.OffsetDateTime.class).toInstant())
                    .hasToString("2026-11-30T00:02:00Z");
            assertThat(rows.next()).isFalse();
        }
    }

    private static void migrate(String url, String user, String schema, String target) {
        Flyway.configure()
                .dataSource(url, user, "")
                .schemas(TestDatabase.postgres() ? schema : "PUBLIC")
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }
}
