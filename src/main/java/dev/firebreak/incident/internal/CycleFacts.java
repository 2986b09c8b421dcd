package dev.firebreak.incident.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.incident.CycleFilter;
import dev.firebreak.platform.storage.SqlLists;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code facts} common table expression: one row per incident cycle with its durations in
 * seconds. Only standard SQL that H2 2.x and PostgreSQL 15 read alike: differences of
 * {@code extract(epoch ...)}, {@code lag} windows, {@code filter} clauses.
 */
final class CycleFacts {
    final StringBuilder sql = new StringBuilder();
    final List<Object> params = new ArrayList<>();

    private CycleFacts() {}

    /** The facts of cycles opened in the range and, for the repeat windows, the window before it. */
    static CycleFacts of(CycleFilter filter) {
        CycleFacts facts = new CycleFacts();
        long now = filter.now().toEpochMilli();
        StringBuilder s = facts.sql;
        s.append("with facts as (select c.incident_id, c.cycle, c.opened_at, i.title, i.service, i.severity,")
                .append(" i.runbook_slug, ");
        facts.team(filter.teams());
        s.append(" as team, ");
        s.append(diff("c.acknowledged_at", "c.opened_at")).append(" as tta, ");
        s.append(diff("c.resolved_at", "c.opened_at")).append(" as ttr, ");
        s.append(diff("coalesce(c.acknowledged_at, c.resolved_at)", "c.opened_at"))
                .append(" as answered, ");
        // Detection: the earliest alert start of this cycle (after the previous cycle resolved).
        s.append(diff(
                        "c.opened_at",
                        "(select min(a.starts_at) from incident_alerts a where a.incident_id = c.incident_id"
                                + " and a.starts_at <= c.opened_at and (p.resolved_at is null"
                                + " or a.starts_at > p.resolved_at))"))
                .append(" as ttd, ");
        s.append(now).append(" / 1000.0 - extract(epoch from c.opened_at) as age, ");
        s.append("i.response_target_seconds as target, ");
        facts.resolutionTarget(filter.resolutionTargets());
        s.append(" as resolution_target, ");
        s.append(since("i.group_key")).append(" as since_group, ");
        s.append("case when i.runbook_slug is null then null else ")
                .append(since("i.runbook_slug"))
                .append(" end as since_runbook");
        s.append(" from incident_cycles c join incidents i on i.id = c.incident_id")
                .append(" left join incident_cycles p on p.incident_id = c.incident_id and p.cycle = c.cycle - 1")
                .append(" where c.opened_at >= ? and c.opened_at < ?");
        facts.params.add(utc(filter.from().minus(filter.repeatWindow())));
        facts.params.add(utc(filter.to()));
        if (filter.services() != null) {
            if (filter.services().isEmpty()) {
                s.append(" and 1 = 0");
            } else {
                s.append(" and i.service in (")
                        .append(SqlLists.placeholders(filter.services().size()))
                        .append(')');
                facts.params.addAll(filter.services());
            }
        }
        if (filter.severity() != null) {
            s.append(" and lower(i.severity) = ?");
            facts.params.add(filter.severity().toLowerCase(Locale.ROOT));
        }
        s.append(") ");
        return facts;
    }

    /** Only the cycles of the range itself: the earlier ones are there for the lag windows. */
    void inRange(CycleFilter filter) {
        sql.append(" where opened_at >= ?");
        params.add(utc(filter.from()));
    }

    private void team(Map<String, String> teams) {
        if (teams.isEmpty()) {
            sql.append("cast(null as varchar(200))");
            return;
        }
        sql.append("case i.service");
        teams.forEach((service, team) -> {
            sql.append(" when ? then ?");
            params.add(service);
            params.add(team);
        });
        sql.append(" end");
    }

    private void resolutionTarget(Map<String, Long> targets) {
        if (targets.isEmpty()) {
            sql.append("cast(null as bigint)");
            return;
        }
        sql.append("case i.runbook_slug");
        targets.forEach((slug, seconds) -> {
            sql.append(" when ? then ").append((long) seconds);
            params.add(slug);
        });
        sql.append(" end");
    }

    private static String diff(String later, String earlier) {
        return "(extract(epoch from " + later + ") - extract(epoch from " + earlier + "))";
    }

    private static String since(String partition) {
        return diff(
                "c.opened_at",
                "lag(c.opened_at) over (partition by " + partition + " order by c.opened_at, c.incident_id, c.cycle)");
    }
}
