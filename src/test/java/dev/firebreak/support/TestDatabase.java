package dev.firebreak.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of an integration test run, chosen by the system property {@code firebreak.it.db}:
 * {@code h2} (default; an in-memory database per Spring context) or {@code postgres} (one
 * throwaway database on 127.0.0.1:5432 per JVM, dropped at exit).
 */
public final class TestDatabase {
    static final String PG_ADMIN_URL =
            System.getProperty("firebreak.it.pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String PG_USER = System.getProperty("firebreak.it.pg-user", "postgres");
    private static String postgresUrl;

    private TestDatabase() {}

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("firebreak.it.db", "h2"));
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (postgres()) {
            String url = postgresUrl();
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> PG_USER);
            registry.add("spring.datasource.password", () -> "");
        } else {
            String url = "jdbc:h2:mem:it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> "sa");
        }
    }

    /** Creates the run's PostgreSQL database once, or skips (fails under CI) when none is there. */
    public static synchronized String postgresUrl() {
        if (postgresUrl != null) {
            return postgresUrl;
        }
        postgresUrl = freshPostgresUrl();
        return postgresUrl;
    }

    /** A PostgreSQL database of its own (for a server process), dropped at exit; skips when absent. */
    public static String freshPostgresUrl() {
        String name = "firebreak_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "")) {
            admin.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            Services.missing("PostgreSQL at " + PG_ADMIN_URL + " (" + e.getMessage() + ")");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    private static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "")) {
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** Skips a test whose service is absent, or fails it when .ci/run requires every service. */
    public static final class Services {
        private Services() {}

        public static boolean required() {
            return Boolean.parseBoolean(System.getProperty("firebreak.require-services", "false"))
                    || "true".equalsIgnoreCase(System.getenv("FIREBREAK_REQUIRE_SERVICES"));
        }

        public static void missing(String what) {
            String message = what + " is not available";
            if (required()) {
                throw new IllegalStateException(message + " and FIREBREAK_REQUIRE_SERVICES is set");
            }
            Assumptions.abort(message + "; skipping (set FIREBREAK_REQUIRE_SERVICES=true to fail instead)");
        }
    }
}
