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

    /** All the facts: detection and repeats too, which cost a join and two windows. */
    static CycleFacts of(CycleFilter filter) {
        return of(filter, true);
    }

    /**
     * The facts of cycles opened in the range and, for the repeat windows, the window before it.
     * Detection is a grouped join in {@code base}, the windows run over it in {@code facts}: on H2
     * a correlated subquery beside the windows was evaluated again and again (10x slower).
     */
    static CycleFacts of(CycleFilter filter, boolean full) {
        CycleFacts facts = new CycleFacts();
        StringBuilder s = facts.sql;
        String columns = "c.incident_id, c.cycle, c.opened_at, c.acknowledged_at, c.resolved_at, i.title, i.group_key,"
                + " i.service, i.severity, i.runbook_slug, i.response_target_seconds";
        s.append("with base as (select ").append(columns);
        s.append(
                full ? ", min(a.starts_at) as first_start" : ", cast(null as timestamp with time zone) as first_start");
        s.append(" from incident_cycles c join incidents i on i.id = c.incident_id");
        if (full) {
            // Detection: the earliest alert start of this cycle (after the previous cycle resolved).
            s.append(" left join incident_cycles p on p.incident_id = c.incident_id and p.cycle = c.cycle - 1")
                    .append(
                            " left join incident_alerts a on a.incident_id = c.incident_id and a.starts_at <= c.opened_at")
                    .append(" and (p.resolved_at is null or a.starts_at > p.resolved_at)");
        }
        s.append(" where c.opened_at >= ? and c.opened_at < ?");
        facts.params.add(utc(full ? filter.from().minus(filter.repeatWindow()) : filter.from()));
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
        if (full) {
            s.append(" group by ").append(columns);
        }
        s.append("), facts as (select incident_id, cycle, opened_at, title, service, severity, runbook_slug, ");
        facts.team(filter.teams());
        s.append(" as team, ");
        s.append(diff("acknowledged_at", "opened_at")).append(" as tta, ");
        s.append(diff("resolved_at", "opened_at")).append(" as ttr, ");
        s.append(diff("coalesce(acknowledged_at, resolved_at)", "opened_at")).append(" as answered, ");
        s.append(diff("opened_at", "first_start")).append(" as ttd, ");
        s.append(filter.now().toEpochMilli()).append(" / 1000.0 - extract(epoch from opened_at) as age, ");
        s.append("response_target_seconds as target, ");
        facts.resolutionTarget(filter.resolutionTargets());
        s.append(" as resolution_target, ");
        if (full) {
            s.append(since("group_key")).append(" as since_group, ");
            s.append("case when runbook_slug is null then null else ")
                    .append(since("runbook_slug"))
                    .append(" end as since_runbook");
        } else {
            s.append("cast(null as numeric) as since_group, cast(null as numeric) as since_runbook");
        }
        s.append(" from base) ");
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
        sql.append("case service");
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
        sql.append("case runbook_slug");
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
                "opened_at",
                "lag(opened_at) over (partition by " + partition + " order by opened_at, incident_id, cycle)");
    }
}
