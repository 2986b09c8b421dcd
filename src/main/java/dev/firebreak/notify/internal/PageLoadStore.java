package dev.firebreak.notify.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.notify.BusinessHours;
import dev.firebreak.notify.PageLoad;
import dev.firebreak.platform.storage.SqlLists;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pages per person over the ledger (notify_messages of kind PAGE), in one statement. */
@Repository
public class PageLoadStore {
    private final JdbcClient jdbc;

    PageLoadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PageLoad> load(Instant from, Instant to, List<Long> incidentIds, BusinessHours hours) {
        // The zone is a validated ZoneId, written as a literal: AT TIME ZONE takes no parameter on H2.
        String local = "(created_at at time zone '" + hours.zone().getId().replace("'", "") + "')";
        String minute = "(extract(hour from " + local + ") * 60 + extract(minute from " + local + "))";
        String days = hours.days().stream()
                .map(DayOfWeek::getValue)
                .sorted()
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        String outOfHours = "extract(isodow from " + local + ") not in (" + (days.isEmpty() ? "0" : days) + ") or "
                + minute + " < " + hours.start().toSecondOfDay() / 60 + " or " + minute + " >= "
                + hours.end().toSecondOfDay() / 60;
        StringBuilder sql = new StringBuilder("select username, count(distinct page_id) as pages,"
                + " count(distinct case when " + outOfHours + " then page_id end) as out_of_hours,"
                + " count(distinct incident_id) as incidents from notify_messages"
                + " where kind = 'PAGE' and username is not null and created_at >= ? and created_at < ?");
        List<Object> params = new ArrayList<>(List.of(utc(from), utc(to)));
        if (incidentIds != null) {
            if (incidentIds.isEmpty()) {
                return List.of();
            }
            sql.append(" and incident_id in (")
                    .append(SqlLists.placeholders(incidentIds.size()))
                    .append(')');
            params.addAll(incidentIds);
        }
        sql.append(" group by username");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new PageLoad(
                        rs.getString("username"),
                        rs.getLong("pages"),
                        rs.getLong("out_of_hours"),
                        rs.getLong("incidents")))
                .list();
    }
}
