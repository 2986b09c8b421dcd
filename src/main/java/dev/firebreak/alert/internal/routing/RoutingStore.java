package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.RoutingVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The routing_configs table. Each node reads the active version number on use and re-parses only
 * when another node (or the API) saved a newer one.
 */
@Repository
public class RoutingStore {
    private static final RoutingVersion DEFAULT =
            new RoutingVersion(0, RoutingYaml.DEFAULT, "firebreak", Instant.EPOCH);

    private record Parsed(int version, RoutingConfig config, long checkedAt) {}

    /** Another node's save reaches this node within this long; saves on this node at once. */
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<Parsed> cache = new AtomicReference<>();

    RoutingStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public RoutingVersion current() {
        return jdbc.sql("select * from routing_configs order by version desc fetch first 1 rows only")
                .query((rs, n) -> new RoutingVersion(
                        rs.getInt("version"),
                        rs.getString("yaml"),
                        rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional()
                .orElse(DEFAULT);
    }

    public List<RoutingVersion> versions() {
        return jdbc.sql("select version, created_by, created_at from routing_configs order by version desc")
                .query((rs, n) -> new RoutingVersion(
                        rs.getInt("version"),
                        null,
                        rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The active configuration, parsed. A stored version was valid when saved, so it parses. */
    public RoutingConfig config() {
        Parsed cached = cache.get();
        if (cached != null && System.nanoTime() - cached.checkedAt() < RECHECK_NANOS) {
            return cached.config();
        }
        int version = jdbc.sql("select coalesce(max(version), 0) from routing_configs")
                .query(Integer.class)
                .single();
        Parsed parsed = cache.get();
        if (parsed == null || parsed.version() != version) {
            RoutingVersion current = version == 0 ? DEFAULT : current();
            parsed = new Parsed(
                    current.version(), RoutingYaml.parse(current.yaml()).config(), System.nanoTime());
        } else {
            parsed = new Parsed(parsed.version(), parsed.config(), System.nanoTime());
        }
        cache.set(parsed);
        return parsed.config();
    }

    /** Saves a validated YAML as the next version; the unique version makes concurrent saves fail, not mix. */
    public RoutingVersion save(String yaml, String by) {
        int next = current().version() + 1;
        jdbc.sql("insert into routing_configs (version, yaml, created_by, created_at) values (?, ?, ?, ?)")
                .params(
                        next,
                        yaml,
                        by,
                        OffsetDateTime.ofInstant(
                                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ZoneOffset.UTC))
                .update();
        cache.set(null);
        return current();
    }
}
