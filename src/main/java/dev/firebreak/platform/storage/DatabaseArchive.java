package dev.firebreak.platform.storage;

import dev.firebreak.platform.FirebreakException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything in the database as one archive, and back: the way from the embedded H2 to PostgreSQL
 * (and a backup). A zip of {@code manifest.json} (format and schema version, row counts) and a
 * {@code tables/NAME.jsonl} per table: a line naming the columns and their kinds, then a JSON array
 * per row. Written in one read-only snapshot; read back in one transaction into a database of the
 * same schema version, so a failed import leaves the target as it was (docs/backup.md).
 */
public final class DatabaseArchive {
    public static final String FORMAT = "firebreak-archive";
    public static final int FORMAT_VERSION = 1;
    /** Tables of which any row means the database is in use: an import then needs {@code replace}. */
    private static final List<String> IN_USE = List.of("runbooks", "alerts", "incidents", "integrations", "users");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MANIFEST_MAX = 1 << 20;

    private DatabaseArchive() {}

    /** What an export wrote or an import read: the schema version and the rows of each table. */
    public record Summary(String schemaVersion, Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static Summary export(DataSource dataSource, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            // One snapshot of every table: PostgreSQL's repeatable read is one; H2's takes each
            // table's when first read (children could outrun their parents), its serializable all at once.
            boolean h2 = c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("h2");
            c.setTransactionIsolation(
                    h2 ? Connection.TRANSACTION_SERIALIZABLE : Connection.TRANSACTION_REPEATABLE_READ);
            String version = SchemaTables.version(c);
            List<SchemaTables.Table> tables = SchemaTables.ordered(c);
            Map<String, Long> rows = new LinkedHashMap<>();
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (SchemaTables.Table table : tables) {
                zip.putNextEntry(new ZipEntry("tables/" + table.name() + ".jsonl"));
                rows.put(table.name(), writeTable(c, table, zip));
                zip.closeEntry();
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("formatVersion", FORMAT_VERSION);
            manifest.put("schemaVersion", version);
            manifest.put("exportedAt", Instant.now().toString());
            manifest.put(
                    "source",
                    c.getMetaData().getDatabaseProductName() + " "
                            + c.getMetaData().getDatabaseProductVersion());
            manifest.put("tables", rows);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            c.rollback();
            return new Summary(version, rows);
        } catch (SQLException e) {
            throw new FirebreakException.Conflict("export failed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("export failed: " + e.getMessage(), e);
        }
    }

    private static long writeTable(Connection c, SchemaTables.Table table, OutputStream out)
            throws SQLException, IOException {
        List<List<String>> header = new ArrayList<>();
        for (SchemaTables.Column column : table.columns()) {
            header.add(List.of(column.name(), column.kind().name().toLowerCase(Locale.ROOT)));
        }
        out.write(JSON.writeValueAsBytes(Map.of("columns", header)));
        out.write('\n');
        long count = 0;
        try (Statement select = c.createStatement()) {
            select.setFetchSize(500);
            try (ResultSet rs = select.executeQuery("select " + table.columnList() + " from " + table.name()
                    + (table.key() == null ? "" : " order by " + table.key()))) {
                List<Object> row = new ArrayList<>(table.columns().size());
                while (rs.next()) {
                    row.clear();
                    for (int i = 0; i < table.columns().size(); i++) {
                        row.add(table.columns().get(i).kind().read(rs, i + 1));
                    }
                    out.write(JSON.writeValueAsBytes(row));
                    out.write('\n');
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Loads an archive into this database, which must have the archive's schema version. Refuses a
     * database in use (runbooks, alerts, incidents or integrations) unless {@code replace}; then
     * every table's rows are replaced. One transaction: on any error nothing changes.
     */
    public static Summary restore(DataSource dataSource, InputStream in, boolean replace) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                return load(c, in, replace);
            } catch (RuntimeException | SQLException | IOException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new FirebreakException.Conflict("import failed, nothing changed: " + e.getMessage());
        } catch (java.util.zip.ZipException e) {
            throw new FirebreakException.BadInput(
                    "archive", "not a complete Firebreak archive (" + e.getMessage() + "); nothing changed");
        } catch (IOException e) {
            throw new FirebreakException.BadInput(
                    "archive", "cannot read the archive (" + e.getMessage() + "); nothing changed");
        }
    }

    private static Summary load(Connection c, InputStream in, boolean replace) throws SQLException, IOException {
        String version = SchemaTables.version(c);
        List<SchemaTables.Table> tables = SchemaTables.ordered(c);
        Map<String, SchemaTables.Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        if (!replace) {
            for (String name : IN_USE) {
                if (byName.containsKey(name) && count(c, name) > 0) {
                    throw new FirebreakException.Conflict("this database is in use (" + name
                            + " has rows); import into an empty one, or pass --replace to overwrite everything");
                }
            }
        }
        for (SchemaTables.Table table : tables.reversed()) {
            try (Statement delete = c.createStatement()) {
                delete.executeUpdate("delete from " + table.name());
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        JsonNode manifest = null;
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        // The manifest is written last; tables arrive in an order that satisfies foreign keys.
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            String name = entry.getName();
            if (name.equals("manifest.json")) {
                byte[] bytes = zip.readNBytes(MANIFEST_MAX + 1);
                if (bytes.length > MANIFEST_MAX) {
                    throw new FirebreakException.BadInput("archive", "manifest.json is larger than a manifest can be");
                }
                manifest = JSON.readTree(bytes);
            } else if (name.startsWith("tables/") && name.endsWith(".jsonl")) {
                String table = name.substring("tables/".length(), name.length() - ".jsonl".length());
                SchemaTables.Table target = byName.get(table);
                if (target == null) {
                    throw new FirebreakException.BadInput(
                            "archive", "the archive has a table '" + table + "' this database has not");
                }
                rows.put(table, readTable(c, target, zip));
            }
        }
        check(manifest, version, rows, byName);
        SchemaTables.restartIdentities(c, tables);
        c.commit();
        return new Summary(version, rows);
    }

    private static void check(JsonNode manifest, String version, Map<String, Long> rows, Map<String, ?> target) {
        if (manifest == null || !FORMAT.equals(manifest.path("format").asString(""))) {
            throw new FirebreakException.BadInput("archive", "not a Firebreak archive (no manifest.json)");
        }
        if (manifest.path("formatVersion").asInt(0) != FORMAT_VERSION) {
            throw new FirebreakException.BadInput(
                    "archive",
                    "archive format " + manifest.path("formatVersion") + "; this build reads " + FORMAT_VERSION);
        }
        String from = manifest.path("schemaVersion").asString("");
        if (!from.equals(version)) {
            throw new FirebreakException.BadInput(
                    "archive",
                    "the archive is of schema version " + from + ", this database of " + version
                            + ": import with the build that exported it, then upgrade");
        }
        java.util.Set<String> archived = new java.util.TreeSet<>();
        manifest.path("tables").properties().forEach(e -> archived.add(e.getKey()));
        if (!archived.equals(new java.util.TreeSet<>(target.keySet()))) {
            throw new FirebreakException.BadInput(
                    "archive",
                    "the archive's tables are not this database's (only in the archive: "
                            + minus(archived, target.keySet()) + "; only here: " + minus(target.keySet(), archived)
                            + ")");
        }
        for (var expected : manifest.path("tables").properties()) {
            long got = rows.getOrDefault(expected.getKey(), -1L);
            if (got != expected.getValue().asLong()) {
                throw new FirebreakException.BadInput(
                        "archive",
                        "table " + expected.getKey() + ": the manifest counts " + expected.getValue() + " rows, the"
                                + " archive holds " + Math.max(got, 0) + " (truncated?)");
            }
        }
    }

    private static java.util.Set<String> minus(java.util.Collection<String> a, java.util.Collection<String> b) {
        java.util.Set<String> left = new java.util.TreeSet<>(a);
        left.removeAll(b);
        return left;
    }

    private static long readTable(Connection c, SchemaTables.Table target, InputStream in)
            throws SQLException, IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String first = lines.readLine();
        if (first == null) {
            return 0;
        }
        List<String> columns = new ArrayList<>();
        for (JsonNode column : JSON.readTree(first).path("columns")) {
            columns.add(column.get(0).asString());
        }
        List<SchemaTables.Column> targets = new ArrayList<>();
        for (String name : columns) {
            targets.add(target.column(name)
                    .orElseThrow(() -> new FirebreakException.BadInput(
                            "archive", "column " + target.name() + "." + name + " is not in this database")));
        }
        String sql = "insert into " + target.name() + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        long count = 0;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                for (int i = 0; i < targets.size(); i++) {
                    targets.get(i)
                            .kind()
                            .write(insert, i + 1, row.get(i), targets.get(i).sqlType());
                }
                insert.addBatch();
                if (++count % 500 == 0) {
                    execute(insert, target, count);
                }
            }
            execute(insert, target, count);
        }
        return count;
    }

    /** Runs a batch; a row the database refuses is named by its table and place in the archive. */
    private static void execute(PreparedStatement insert, SchemaTables.Table target, long upTo) throws SQLException {
        try {
            insert.executeBatch();
        } catch (SQLException e) {
            throw new SQLException(
                    "table " + target.name() + ", rows up to " + upTo + " of the archive: " + e.getMessage(), e);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
