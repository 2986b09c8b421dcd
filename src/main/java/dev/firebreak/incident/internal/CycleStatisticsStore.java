package dev.firebreak.incident.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;

import dev.firebreak.incident.CycleBreakdown;
import dev.firebreak.incident.CycleBucket;
import dev.firebreak.incident.CycleDimension;
import dev.firebreak.incident.CycleFilter;
import dev.firebreak.incident.CycleOverview;
import dev.firebreak.incident.SlowCycle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Statistics over incident_cycles, incidents and incident_alerts. */
@Repository
public class CycleStatisticsStore {
    private final JdbcClient jdbc;

    CycleStatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The summary and the four breakdowns from one read of the facts, added up in Java: the facts
     * (joins, detection, two windows) cost most, and five statements computed them five times.
     */
    public CycleOverview overview(CycleFilter filter) {
        CycleFacts facts = CycleFacts.of(filter);
        facts.sql.append("select incident_id, service, severity, team, runbook_slug, tta, ttr, answered, ttd, age,"
                + " target, resolution_target, since_group, since_runbook from facts");
        facts.inRange(filter);
        long window = filter.repeatWindow().toSeconds();
        CycleTally all = new CycleTally(window);
        Map<CycleDimension, Map<String, CycleTally>> by = new EnumMap<>(CycleDimension.class);
        for (CycleDimension dimension : CycleDimension.values()) {
            by.put(dimension, new HashMap<>());
        }
        jdbc.sql(facts.sql.toString()).params(facts.params).query((ResultSet rs) -> {
            CycleTally.Fact fact = new CycleTally.Fact(
                    rs.getLong("incident_id"),
                    rs.getBigDecimal("tta"),
                    rs.getBigDecimal("ttr"),
                    rs.getBigDecimal("answered"),
                    rs.getBigDecimal("ttd"),
                    rs.getBigDecimal("age"),
                    longOrNull(rs, "target"),
                    longOrNull(rs, "resolution_target"),
                    rs.getBigDecimal("since_group"),
                    rs.getBigDecimal("since_runbook"));
            all.add(fact);
            add(by, CycleDimension.SERVICE, rs.getString("service"), window, fact);
            add(by, CycleDimension.SEVERITY, rs.getString("severity"), window, fact);
            add(by, CycleDimension.TEAM, rs.getString("team"), window, fact);
            add(by, CycleDimension.RUNBOOK, rs.getString("runbook_slug"), window, fact);
        });
        Map<CycleDimension, List<CycleBreakdown>> breakdowns = new EnumMap<>(CycleDimension.class);
        by.forEach((dimension, tallies) -> breakdowns.put(
                dimension,
                tallies.entrySet().stream()
                        .sorted(MOST_CYCLES_FIRST)
                        .map(e -> new CycleBreakdown(e.getKey(), e.getValue().statistics()))
                        .toList()));
        return new CycleOverview(all.statistics(), breakdowns);
    }

    private static final Comparator<Map.Entry<String, CycleTally>> MOST_CYCLES_FIRST =
            Comparator.<Map.Entry<String, CycleTally>>comparingLong(
                            e -> -e.getValue().cycles())
                    .thenComparing(Map.Entry::getKey, Comparator.nullsLast(Comparator.naturalOrder()));

    private static void add(
            Map<CycleDimension, Map<String, CycleTally>> by,
            CycleDimension dimension,
            String key,
            long window,
            CycleTally.Fact fact) {
        by.get(dimension).computeIfAbsent(key, k -> new CycleTally(window)).add(fact);
    }

    /** Cycles per bucket of {@code bucket} from the range's start; empty buckets are left out. */
    public List<CycleBucket> trend(CycleFilter filter, Duration bucket) {
        long from = filter.from().getEpochSecond();
        long size = bucket.toSeconds();
        String index = "cast(floor((extract(epoch from opened_at) - " + from + ") / " + size + ") as bigint)";
        CycleFacts facts = CycleFacts.of(filter, false);
        facts.sql
                .append("select ")
                .append(index)
                .append(" as b, count(*) as cycles, avg(tta) as mtta, avg(ttr) as mttr from facts");
        facts.inRange(filter);
        facts.sql.append(" group by ").append(index).append(" order by b");
        return jdbc.sql(facts.sql.toString())
                .params(facts.params)
                .query((rs, n) -> new CycleBucket(
                        filter.from().plusSeconds(rs.getLong("b") * size),
                        rs.getLong("cycles"),
                        seconds(rs.getBigDecimal("mtta")),
                        seconds(rs.getBigDecimal("mttr"))))
                .list();
    }

    /** The resolved cycles that took longest, longest first. */
    public List<SlowCycle> slowest(CycleFilter filter, int limit) {
        CycleFacts facts = CycleFacts.of(filter, false);
        facts.sql.append("select incident_id, cycle, title, service, severity, opened_at, ttr from facts");
        facts.inRange(filter);
        facts.sql
                .append(" and ttr is not null order by ttr desc, incident_id, cycle fetch first ")
                .append(limit)
                .append(" rows only");
        return jdbc.sql(facts.sql.toString())
                .params(facts.params)
                .query((rs, n) -> new SlowCycle(
                        rs.getLong("incident_id"),
                        rs.getInt("cycle"),
                        rs.getString("title"),
                        rs.getString("service"),
                        rs.getString("severity"),
                        instant(rs, "opened_at"),
                        seconds(rs.getBigDecimal("ttr"))))
                .list();
    }

    /** The incidents with a cycle in the range, for other features' numbers over the same filter. */
    public List<Long> incidentIds(CycleFilter filter) {
        CycleFacts facts = CycleFacts.of(filter, false);
        facts.sql.append("select distinct incident_id from facts");
        facts.inRange(filter);
        return jdbc.sql(facts.sql.toString())
                .params(facts.params)
                .query(Long.class)
                .list();
    }

    public List<String> severities() {
        return jdbc.sql("select distinct severity from incidents order by severity")
                .query(String.class)
                .list();
    }

    public boolean hasService(String service) {
        return jdbc.sql("select count(*) from incidents where service = ?")
                        .param(service)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Whole seconds, half up: both databases give the exact average of millisecond differences. */
    private static Long seconds(BigDecimal value) {
        return value == null ? null : value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
