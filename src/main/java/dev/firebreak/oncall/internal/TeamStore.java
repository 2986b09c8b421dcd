package dev.firebreak.oncall.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.oncall.TeamMember;
import dev.firebreak.oncall.TeamRole;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code teams} and {@code team_members}. */
@Repository
public class TeamStore {
    /** A team's own row, without its members. */
    public record TeamRow(long id, String name, String description) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    TeamStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<TeamRow> find(String name) {
        return jdbc.sql("select id, name, description from teams where name = ?")
                .param(name)
                .query(TeamRow.class)
                .optional();
    }

    public Optional<TeamRow> find(long id) {
        return jdbc.sql("select id, name, description from teams where id = ?")
                .param(id)
                .query(TeamRow.class)
                .optional();
    }

    public List<TeamRow> list() {
        return jdbc.sql("select id, name, description from teams order by name")
                .query(TeamRow.class)
                .list();
    }

    public long insert(String name, String description) {
        OffsetDateTime now = utc(clock.instant());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into teams (name, description, created_at, updated_at) values (?, ?, ?, ?)")
                .params(name, description, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateDescription(long id, String description) {
        jdbc.sql("update teams set description = ?, updated_at = ? where id = ?")
                .params(description, utc(clock.instant()), id)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from teams where id = ?").param(id).update();
    }

    public List<TeamMember> members(long teamId) {
        return jdbc.sql("select username, team_role from team_members where team_id = ? order by position, username")
                .param(teamId)
                .query((rs, n) -> new TeamMember(rs.getString(1), TeamRole.valueOf(rs.getString(2))))
                .list();
    }

    /** Every team's members keyed by team id: one query for the team list. */
    public Map<Long, List<TeamMember>> allMembers() {
        Map<Long, List<TeamMember>> all = new HashMap<>();
        jdbc.sql("select team_id, username, team_role from team_members order by team_id, position, username")
                .query(rs -> {
                    all.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new TeamMember(rs.getString(2), TeamRole.valueOf(rs.getString(3))));
                });
        return all;
    }

    public boolean isMember(long teamId, String username) {
        return jdbc.sql("select count(*) from team_members where team_id = ? and username = ?")
                        .params(teamId, username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void addMember(long teamId, String username, TeamRole role) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from team_members where team_id = ?")
                .param(teamId)
                .query(Integer.class)
                .single();
        jdbc.sql("insert into team_members (team_id, username, team_role, position, added_at) values (?, ?, ?, ?, ?)")
                .params(teamId, username, role.name(), position, utc(clock.instant()))
                .update();
    }

    public boolean removeMember(long teamId, String username) {
        return jdbc.sql("delete from team_members where team_id = ? and username = ?")
                        .params(teamId, username)
                        .update()
                > 0;
    }

    /** Names of the teams a person is in, by name. */
    public List<String> teamsOf(String username) {
        return jdbc.sql("select t.name from teams t join team_members m on m.team_id = t.id"
                        + " where m.username = ? order by t.name")
                .param(username)
                .query(String.class)
                .list();
    }

    public void touch(long id) {
        jdbc.sql("update teams set updated_at = ? where id = ?")
                .params(utc(clock.instant()), id)
                .update();
    }
}
