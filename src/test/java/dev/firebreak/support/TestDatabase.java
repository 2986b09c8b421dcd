package dev.firebreak.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
    private static final String OBJECT_IN_USE = "55006";
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
            // Every cached test context keeps its pool on the one server (max_connections 100):
            // a context at rest gives back what a busy test opened, instead of after 10 minutes.
            registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
            registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
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

    /**
     * Spring closes the cached test contexts in shutdown hooks of their own, running beside this one:
     * forcing the drop at once left each of them waiting on a dead pool (10 s a context, past
     * surefire's 30 s exit limit), so wait up to 15 s for their pools to close first.
     */
    private static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                try {
                    admin.createStatement().execute("drop database if exists " + name);
                    return;
                } catch (SQLException e) {
                    if (!OBJECT_IN_USE.equals(e.getSQLState())) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
