package dev.firebreak.incident.internal;

import static dev.firebreak.platform.storage.Timestamps.instant;

import dev.firebreak.incident.CycleBreakdown;
import dev.firebreak.incident.CycleBucket;
import dev.firebreak.incident.CycleDimension;
import dev.firebreak.incident.CycleFilter;
import dev.firebreak.incident.CycleStatistics;
import dev.firebreak.incident.SlowCycle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Statistics over incident_cycles, incidents and incident_alerts, each one SQL statement. */
@Repository
public class CycleStatisticsStore {
    private final JdbcClient jdbc;

    CycleStatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CycleStatistics summary(CycleFilter filter) {
        CycleFacts facts = CycleFacts.of(filter);
        facts.sql.append("select ").append(aggregates(filter)).append(" from facts");
        facts.inRange(filter);
        return jdbc.sql(facts.sql.toString())
                .params(facts.params)
                .query((rs, n) -> statistics(rs))
                .single();
    }

    public List<CycleBreakdown> breakdown(CycleFilter filter, CycleDimension dimension) {
        String key =
                switch (dimension) {
                    case SERVICE -> "service";
                    case SEVERITY -> "severity";
                    case TEAM -> "team";
                    case RUNBOOK -> "runbook_slug";
                };
        CycleFacts facts = CycleFacts.of(filter);
        facts.sql
                .append("select ")
                .append(key)
                .append(" as k, ")
                .append(aggregates(filter))
                .append(" from facts");
        facts.inRange(filter);
        facts.sql
                .append(" group by ")
                .append(key)
                .append(" order by count(*) desc, ")
                .append(key);
        return jdbc.sql(facts.sql.toString())
                .params(facts.params)
                .query((rs, n) -> new CycleBreakdown(rs.getString("k"), statistics(rs)))
                .list();
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

    private static String aggregates(CycleFilter filter) {
        long window = filter.repeatWindow().toSeconds();
        return "count(*) as cycles, count(distinct incident_id) as incidents,"
                + " count(tta) as acknowledged, avg(tta) as mtta,"
                + " percentile_cont(0.5) within group (order by tta) as median_tta,"
                + " count(ttr) as resolved, avg(ttr) as mttr,"
                + " percentile_cont(0.5) within group (order by ttr) as median_ttr,"
                + " count(ttd) as detected, avg(ttd) as mttd,"
                + " count(*) filter (where target is not null and (answered is not null or age > target)) as judged,"
                + " count(*) filter (where answered <= target) as within_target,"
                + " count(*) filter (where resolution_target is not null and (ttr is not null"
                + " or age > resolution_target)) as resolution_judged,"
                + " count(*) filter (where ttr <= resolution_target) as within_resolution,"
                + " count(*) filter (where since_group <= " + window + ") as group_repeats,"
                + " count(*) filter (where since_runbook <= " + window + ") as runbook_repeats,"
                + " count(*) filter (where since_group <= " + window + " or since_runbook <= " + window
                + ") as repeats";
    }

    private static CycleStatistics statistics(ResultSet rs) throws SQLException {
        return new CycleStatistics(
                rs.getLong("cycles"),
                rs.getLong("incidents"),
                rs.getLong("acknowledged"),
                seconds(rs.getBigDecimal("mtta")),
                median(rs, "median_tta"),
                rs.getLong("resolved"),
                seconds(rs.getBigDecimal("mttr")),
                median(rs, "median_ttr"),
                rs.getLong("detected"),
                seconds(rs.getBigDecimal("mttd")),
                rs.getLong("judged"),
                rs.getLong("within_target"),
                rs.getLong("resolution_judged"),
                rs.getLong("within_resolution"),
                rs.getLong("group_repeats"),
                rs.getLong("runbook_repeats"),
                rs.getLong("repeats"));
    }

    /** Whole seconds, half up: both databases give the exact average of millisecond differences. */
    private static Long seconds(BigDecimal value) {
        return value == null ? null : value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static Long median(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value);
    }
}
