package dev.firebreak.platform.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The application's tables as the database describes them, in an order foreign keys allow. */
final class SchemaTables {
    private SchemaTables() {}

    /** How a column's values travel in an archive; the same on H2 and PostgreSQL. */
    enum Kind {
        INTEGER,
        DECIMAL,
        BOOLEAN,
        TEXT,
        UUID,
        BINARY,
        TIMESTAMP_TZ,
        TIMESTAMP,
        TIME;

        static Kind of(int sqlType, String typeName) {
            String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
            if (name.equals("timestamptz") || name.contains("with time zone") && name.contains("timestamp")) {
                return TIMESTAMP_TZ;
            }
            if (name.equals("uuid") || sqlType == Types.OTHER && name.contains("uuid")) {
                return UUID;
            }
            return switch (sqlType) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
                case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> DECIMAL;
                case Types.BOOLEAN, Types.BIT -> BOOLEAN;
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
                case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
                case Types.TIMESTAMP -> TIMESTAMP;
                case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
                default -> TEXT;
            };
        }

        Object read(ResultSet rs, int i) throws SQLException {
            Object value =
                    switch (this) {
                        case INTEGER -> rs.getLong(i);
                        case DECIMAL -> rs.getBigDecimal(i);
                        case BOOLEAN -> rs.getBoolean(i);
                        case TEXT -> rs.getString(i);
                        case UUID -> rs.getString(i);
                        case BINARY -> {
                            byte[] bytes = rs.getBytes(i);
                            yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
                        }
                        case TIMESTAMP_TZ -> {
                            OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                            yield t == null ? null : t.toInstant().toString();
                        }
                        case TIMESTAMP -> {
                            LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                            yield t == null ? null : t.toString();
                        }
                        case TIME -> {
                            LocalTime t = rs.getObject(i, LocalTime.class);
                            yield t == null ? null : t.toString();
                        }
                    };
            return rs.wasNull() ? null : value;
        }

        void write(PreparedStatement s, int i, JsonNode value, int sqlType) throws SQLException {
            if (value == null || value.isNull()) {
                s.setNull(i, sqlType);
                return;
            }
            switch (this) {
                case INTEGER -> s.setLong(i, value.asLong());
                case DECIMAL -> s.setBigDecimal(i, value.decimalValue());
                case BOOLEAN -> s.setBoolean(i, value.asBoolean());
                case TEXT -> s.setString(i, value.asString());
                case UUID -> s.setObject(i, java.util.UUID.fromString(value.asString()));
                case BINARY -> s.setBytes(i, Base64.getDecoder().decode(value.asString()));
                case TIMESTAMP_TZ ->
                    s.setObject(i, OffsetDateTime.parse(value.asString().replace("Z", "+00:00")));
                case TIMESTAMP -> s.setObject(i, LocalDateTime.parse(value.asString()));
                case TIME -> s.setObject(i, LocalTime.parse(value.asString()));
            }
        }
    }

    record Column(String name, Kind kind, int sqlType, boolean identity) {}

    record Table(String name, List<Column> columns, String key) {
        String columnList() {
            return String.join(", ", columns.stream().map(Column::name).toList());
        }

        Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /** The schema's version as Flyway recorded it (the newest applied migration). */
    static String version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select \"version\" from \"flyway_schema_history\""
                        + " where \"success\" = true and \"version\" is not null order by \"installed_rank\" desc")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    /** Every table but Flyway's, parents before the tables whose foreign keys point at them. */
    static List<Table> ordered(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        Map<String, String> actual = new LinkedHashMap<>(); // lower-case name -> name as stored
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase("flyway_schema_history")) {
                    actual.put(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        for (var entry : new java.util.TreeMap<>(actual).entrySet()) {
            String name = entry.getKey();
            List<Column> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, schema, entry.getValue(), "%")) {
                while (rs.next()) {
                    columns.add(new Column(
                            rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            Kind.of(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")),
                            rs.getInt("DATA_TYPE"),
                            "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
                }
            }
            List<String> key = new ArrayList<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, entry.getValue())) {
                while (rs.next()) {
                    key.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            Set<String> from = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, entry.getValue())) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(name)) {
                        from.add(parent);
                    }
                }
            }
            parents.put(name, from);
            tables.put(name, new Table(name, columns, key.isEmpty() ? null : String.join(", ", key)));
        }
        List<Table> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (String name : tables.keySet()) {
                if (!placed.contains(name) && placed.containsAll(parents.get(name))) {
                    placed.add(name);
                    order.add(tables.get(name));
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle among " + tables.keySet());
            }
        }
        return order;
    }

    /** After rows came in with their ids, new rows must get ids above them. */
    static void restartIdentities(Connection c, List<Table> tables) throws SQLException {
        boolean postgres = c.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        for (Table table : tables) {
            for (Column column : table.columns()) {
                if (!column.identity() || column.kind() != Kind.INTEGER) {
                    continue;
                }
                long next;
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(
                                "select coalesce(max(" + column.name() + "), 0) + 1 from " + table.name())) {
                    rs.next();
                    next = rs.getLong(1);
                }
                try (Statement s = c.createStatement()) {
                    if (postgres) {
                        s.execute("select setval(pg_get_serial_sequence('" + table.name() + "', '" + column.name()
                                + "'), " + next + ", false)");
                    } else {
                        s.execute("alter table " + table.name() + " alter column " + column.name() + " restart with "
                                + next);
                    }
                }
            }
        }
    }
}
