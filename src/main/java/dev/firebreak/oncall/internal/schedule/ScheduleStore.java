package dev.firebreak.oncall.internal.schedule;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.oncall.Restriction;
import dev.firebreak.oncall.RotationLength;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.ScheduleLayer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Schedules with their layers, members (in turn order) and restrictions. */
@Repository
public class ScheduleStore {
    private final JdbcClient jdbc;

    ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored schedule and its key. */
    public record Stored(long id, Schedule schedule) {}

    /** The schedule's key, its row locked until the transaction ends: changes to one schedule queue up. */
    public Optional<Long> lock(String name) {
        return jdbc.sql("select id from schedules where name = ? for update")
                .param(name)
                .query(Long.class)
                .optional();
    }

    public Optional<Long> id(String name) {
        return jdbc.sql("select id from schedules where name = ?")
                .param(name)
                .query(Long.class)
                .optional();
    }

    public long insert(Schedule schedule, String by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into schedules (name, description, team, time_zone, created_by, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        schedule.name(),
                        schedule.description(),
                        schedule.team(),
                        schedule.zone().getId(),
                        by,
                        utc(now),
                        utc(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertLayers(id, schedule.layers());
        return id;
    }

    /** Replaces the schedule's fields and all its layers (wholesale, as the definition says). */
    public void update(long id, Schedule schedule, Instant now) {
        jdbc.sql("update schedules set name = ?, description = ?, team = ?, time_zone = ?, updated_at = ? where id = ?")
                .params(
                        schedule.name(),
                        schedule.description(),
                        schedule.team(),
                        schedule.zone().getId(),
                        utc(now),
                        id)
                .update();
        jdbc.sql("delete from schedule_layers where schedule_id = ?").param(id).update();
        insertLayers(id, schedule.layers());
    }

    public void delete(long id) {
        jdbc.sql("delete from schedules where id = ?").param(id).update();
    }

    public Optional<Stored> find(String name) {
        return jdbc.sql("select * from schedules where name = ?")
                .param(name)
                .query((rs, n) -> new Stored(
                        rs.getLong("id"),
                        new Schedule(
                                rs.getString("name"),
                                rs.getString("description"),
                                rs.getString("team"),
                                ZoneId.of(rs.getString("time_zone")),
                                List.of())))
                .optional()
                .map(s -> new Stored(s.id(), withLayers(s)));
    }

    public List<String> names() {
        return jdbc.sql("select name from schedules order by name")
                .query(String.class)
                .list();
    }

    private Schedule withLayers(Stored stored) {
        Schedule s = stored.schedule();
        return new Schedule(s.name(), s.description(), s.team(), s.zone(), layers(stored.id()));
    }

    private List<ScheduleLayer> layers(long scheduleId) {
        record Row(long id, String name, int priority, LocalDateTime start, RotationLength length) {}
        List<Row> rows = jdbc.sql("select * from schedule_layers where schedule_id = ? order by priority desc")
                .param(scheduleId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getInt("priority"),
                        rs.getObject("start_local", LocalDateTime.class),
                        new RotationLength(
                                RotationLength.Kind.valueOf(rs.getString("rotation_kind")),
                                rs.getInt("rotation_hours"))))
                .list();
        List<ScheduleLayer> layers = new ArrayList<>();
        for (Row row : rows) {
            List<String> members = jdbc.sql(
                            "select username from schedule_layer_members where layer_id = ? order by turn")
                    .param(row.id())
                    .query(String.class)
                    .list();
            List<Restriction> restrictions = jdbc.sql(
                            "select days, from_time, to_time from schedule_layer_restrictions where layer_id = ? order by id")
                    .param(row.id())
                    .query((rs, n) -> new Restriction(
                            days(rs.getString("days")),
                            rs.getObject("from_time", LocalTime.class),
                            rs.getObject("to_time", LocalTime.class)))
                    .list();
            layers.add(new ScheduleLayer(row.name(), row.priority(), members, row.start(), row.length(), restrictions));
        }
        return layers;
    }

    private void insertLayers(long scheduleId, List<ScheduleLayer> layers) {
        for (ScheduleLayer layer : layers) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into schedule_layers (schedule_id, name, priority, start_local, rotation_kind,"
                            + " rotation_hours) values (?, ?, ?, ?, ?, ?)")
                    .params(
                            scheduleId,
                            layer.name(),
                            layer.priority(),
                            layer.start(),
                            layer.length().kind().name(),
                            layer.length().hours())
                    .update(keys, "id");
            long layerId = keys.getKey().longValue();
            for (int i = 0; i < layer.members().size(); i++) {
                jdbc.sql("insert into schedule_layer_members (layer_id, turn, username) values (?, ?, ?)")
                        .params(layerId, i, layer.members().get(i))
                        .update();
            }
            for (Restriction r : layer.restrictions()) {
                jdbc.sql("insert into schedule_layer_restrictions (layer_id, days, from_time, to_time)"
                                + " values (?, ?, ?, ?)")
                        .params(layerId, days(r.days()), r.from(), r.to())
                        .update();
            }
        }
    }

    static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(s -> days.add(Arrays.stream(DayOfWeek.values())
                        .filter(d -> d.name().startsWith(s))
                        .findFirst()
                        .orElseThrow()));
        return days;
    }
}
