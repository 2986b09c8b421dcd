package dev.firebreak.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.storage.DatabaseArchive;
import dev.firebreak.support.JarProcess;
import dev.firebreak.support.ServerTest;
import dev.firebreak.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation moves from H2 to PostgreSQL and back with nothing lost: the suite's H2 database,
 * full of every other test's rows, exported, imported into a fresh PostgreSQL, exported again,
 * imported into a fresh H2 and exported a third time; every table's rows are the same in all three.
 * Then the same through the CLI ({@code firebreak admin export / import}), and bad archives.
 */
class DatabaseArchiveIT extends ServerTest {
    @Autowired
    DataSource dataSource;

    private static DataSource migrated(String url, String user) {
        DriverManagerDataSource target = new DriverManagerDataSource(url, user, "");
        Flyway.configure()
                .dataSource(target)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return target;
    }

    private static byte[] export(DataSource from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DatabaseArchive.export(from, out);
        return out.toByteArray();
    }

    /** Each table's rows as sorted JSON lines (row order differs by the database's collation). */
    static Map<String, List<String>> tables(byte[] archive) throws IOException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("tables/")) {
                    List<String> lines = new ArrayList<>(new String(zip.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .toList());
                    lines.removeFirst(); // the column header names types as each database does
                    lines.sort(null);
                    tables.put(entry.getName(), lines);
                }
            }
        }
        return tables;
    }

    @Test
    void h2ToPostgresToH2KeepsEveryRowOfEveryTable() throws Exception {
        accounts.create(
                "archive-" + UUID.randomUUID().toString().substring(0, 8), "password-123", Role.VIEWER, null, null);
        byte[] fromH2 = export(dataSource);
        Map<String, List<String>> original = tables(fromH2);
        assertThat(original).hasSizeGreaterThan(40);
        // Run with the suite, the database holds every earlier test's rows; alone, a few.
        assertThat(original.values().stream().mapToInt(List::size).sum()).isPositive();

        DataSource postgres = migrated(TestDatabase.freshPostgresUrl(), TestDatabase.PG_USER);
        DatabaseArchive.Summary loaded = DatabaseArchive.restore(postgres, new ByteArrayInputStream(fromH2), false);
        assertThat(loaded.total())
                .isEqualTo(original.values().stream().mapToLong(List::size).sum());
        byte[] fromPostgres = export(postgres);
        assertThat(tables(fromPostgres)).isEqualTo(original);

        DataSource h2 = migrated("jdbc:h2:mem:archive-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
        DatabaseArchive.restore(h2, new ByteArrayInputStream(fromPostgres), false);
        assertThat(tables(export(h2))).isEqualTo(original);

        // New rows after an import get ids above the imported ones.
        new org.springframework.jdbc.core.JdbcTemplate(postgres)
                .update("insert into users (username, password_hash, role, enabled, created_at)"
                        + " values ('after-import', 'x', 'VIEWER', true, current_timestamp)");

        // A database in use is refused, and nothing changes; --replace overwrites it.
        assertThatThrownBy(() -> DatabaseArchive.restore(postgres, new ByteArrayInputStream(fromH2), false))
                .hasMessageContaining("in use");
        DatabaseArchive.restore(postgres, new ByteArrayInputStream(fromH2), true);
        assertThat(tables(export(postgres))).isEqualTo(original);

        // A truncated archive or somebody else's zip is refused, and nothing changes.
        byte[] cut = java.util.Arrays.copyOf(fromH2, fromH2.length / 2);
        assertThatThrownBy(() -> DatabaseArchive.restore(postgres, new ByteArrayInputStream(cut), true))
                .hasMessageContaining("archive");
        assertThat(tables(export(postgres))).isEqualTo(original);
    }

    @Test
    void theCliMovesAnInstallationAndSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Map<String, String> h2 = Map.of("FIREBREAK_DATA_DIR", dir.resolve("h2").toString());
        JarProcess.Result user =
                JarProcess.run(h2, "admin", "create-user", "moved", "--role", "viewer", "--password", "long-password");
        assertThat(user.exitCode()).as(user.err()).isZero();
        Path a = dir.resolve("a.zip");
        JarProcess.Result exported = JarProcess.run(h2, "admin", "export", a.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).startsWith("exported ").contains("tables (schema ");
        // Secrets are in it: its owner alone may read it, and no partial file is left beside it.
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(a)))
                .isEqualTo("rw-------");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }

        Map<String, String> pg = Map.of(
                "FIREBREAK_DATA_DIR", dir.resolve("pg").toString(),
                "FIREBREAK_DB_URL", TestDatabase.freshPostgresUrl(),
                "FIREBREAK_DB_USER", TestDatabase.PG_USER);
        JarProcess.Result imported = JarProcess.run(pg, "admin", "import", a.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path b = dir.resolve("b.zip");
        assertThat(JarProcess.run(pg, "admin", "export", b.toString()).exitCode())
                .isZero();
        assertThat(tables(Files.readAllBytes(b))).isEqualTo(tables(Files.readAllBytes(a)));

        JarProcess.Result again = JarProcess.run(pg, "admin", "import", a.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err().strip().lines().reduce((x, y) -> y).orElse(""))
                .contains("in use")
                .contains("--replace");
        JarProcess.Result missing =
                JarProcess.run(pg, "admin", "import", dir.resolve("none.zip").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
        JarProcess.Result notArchive = JarProcess.run(pg, "admin", "import", "--replace", junk.toString());
        assertThat(notArchive.exitCode()).isNotZero();
        assertThat(notArchive.err()).contains("not a Firebreak archive");
    }
}
