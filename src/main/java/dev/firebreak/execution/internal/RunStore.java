package dev.firebreak.execution.internal;

import static dev.firebreak.platform.storage.Timestamps.utc;

import dev.firebreak.execution.CommandRun;
import dev.firebreak.execution.RunState;
import dev.firebreak.platform.storage.Timestamps;
import dev.firebreak.runbook.RiskClass;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Command runs and their output chunks. State changes name the state they leave, so a lost race is seen. */
@Repository
public class RunStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
    private final JdbcClient jdbc;

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(CommandRun run) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into command_runs (incident_id, service, runbook_slug, runbook_version, step, script,"
                        + " environment, script_hash, risk, reasons, state, trigger_kind, requested_by, requested_at,"
                        + " approval_expires_at, started_by, output_bytes, dropped_bytes, runner)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)")
                .params(
                        run.incidentId(),
                        run.service(),
                        run.runbook(),
                        run.runbookVersion(),
                        run.step(),
                        run.script(),
                        JSON.writeValueAsString(run.environment()),
                        run.scriptHash(),
                        run.risk().name(),
                        String.join("\n", run.reasons()),
                        run.state().name(),
                        run.trigger(),
                        run.requestedBy(),
                        utc(run.requestedAt()),
                        run.approvalExpiresAt() == null ? null : utc(run.approvalExpiresAt()),
                        run.startedBy(),
                        run.runner())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<CommandRun> find(long id) {
        return jdbc.sql("select * from command_runs where id = ?")
                .param(id)
                .query(RunStore::row)
                .optional();
    }

    /** The run with its row locked until the transaction ends. */
    public Optional<CommandRun> lock(long id) {
        return jdbc.sql("select * from command_runs where id = ? for update")
                .param(id)
                .query(RunStore::row)
                .optional();
    }

    public List<CommandRun> forIncident(long incidentId) {
        return jdbc.sql("select * from command_runs where incident_id = ? order by id")
                .param(incidentId)
                .query(RunStore::row)
                .list();
    }

    /**
     * Runs of this step for this service requested since {@code since}, newest first; requests still
     * waiting for approval count too, so a loop of clicks cannot pile them up.
     */
    public List<CommandRun> recent(String service, String step, Instant since, boolean byRoute) {
        return jdbc.sql("select * from command_runs where service = ? and step = ? and requested_at >= ?"
                        + " and state <> 'EXPIRED' and (trigger_kind = 'ROUTE') = ? order by requested_at desc")
                .params(service, step, utc(since), byRoute)
                .query(RunStore::row)
                .list();
    }

    /**
     * The other run of this step for this service that is queued, running or started last since
     * {@code since}: the cooldown of an approved run is checked again when it starts.
     */
    public Optional<CommandRun> lastStarted(String service, String step, long except, Instant since) {
        return jdbc
                .sql("select * from command_runs where service = ? and step = ? and id <> ?"
                        + " and (state = 'QUEUED' or state = 'RUNNING' or started_at >= ?)"
                        + " order by coalesce(started_at, requested_at) desc")
                .params(service, step, except, utc(since))
                .query(RunStore::row)
                .stream()
                .findFirst();
    }

    public boolean approve(long id, String approver, String reason, Instant at, Instant expires) {
        return jdbc.sql(
                                "update command_runs set state = 'APPROVED', approved_by = ?, approval_reason = ?,"
                                        + " approved_at = ?, approval_expires_at = ? where id = ? and state = 'AWAITING_APPROVAL'")
                        .params(approver, reason, utc(at), utc(expires), id)
                        .update()
                == 1;
    }

    public boolean move(long id, RunState from, RunState to) {
        return jdbc.sql("update command_runs set state = ? where id = ? and state = ?")
                        .params(to.name(), id, from.name())
                        .update()
                == 1;
    }

    public boolean queue(long id, RunState from, String startedBy) {
        return jdbc.sql("update command_runs set state = 'QUEUED', started_by = ? where id = ? and state = ?")
                        .params(startedBy, id, from.name())
                        .update()
                == 1;
    }

    public boolean start(long id, Instant at, String runner) {
        return jdbc.sql("update command_runs set state = 'RUNNING', started_at = ?, runner = ?"
                                + " where id = ? and state = 'QUEUED'")
                        .params(utc(at), runner, id)
                        .update()
                == 1;
    }

    public void finish(
            long id, RunState state, Instant at, Integer exit, long kept, long dropped, Long millis, String error) {
        jdbc.sql("update command_runs set state = ?, ended_at = ?, exit_code = ?, output_bytes = ?,"
                        + " dropped_bytes = ?, duration_ms = ?, error = ? where id = ?")
                .params(
                        state.name(),
                        utc(at),
                        exit,
                        kept,
                        dropped,
                        millis,
                        error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…",
                        id)
                .update();
    }

    public void appendOutput(long id, int seq, String chunk) {
        jdbc.sql("insert into command_run_output (run_id, seq, chunk) values (?, ?, ?)")
                .params(id, seq, chunk)
                .update();
    }

    /** The output chunks from {@code fromSeq} on, in order. */
    public List<String> output(long id, int fromSeq) {
        return jdbc.sql("select chunk from command_run_output where run_id = ? and seq >= ? order by seq")
                .params(id, fromSeq)
                .query(String.class)
                .list();
    }

    static CommandRun row(ResultSet rs, int n) throws SQLException {
        int exit = rs.getInt("exit_code");
        Integer exitCode = rs.wasNull() ? null : exit;
        long millis = rs.getLong("duration_ms");
        Long duration = rs.wasNull() ? null : millis;
        String reasons = rs.getString("reasons");
        return new CommandRun(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                rs.getString("service"),
                rs.getString("runbook_slug"),
                rs.getInt("runbook_version"),
                rs.getString("step"),
                rs.getString("script"),
                Map.copyOf(JSON.readValue(rs.getString("environment"), STRINGS)),
                rs.getString("script_hash"),
                RiskClass.valueOf(rs.getString("risk")),
                reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
                RunState.valueOf(rs.getString("state")),
                rs.getString("trigger_kind"),
                rs.getString("requested_by"),
                Timestamps.instant(rs, "requested_at"),
                rs.getString("approved_by"),
                rs.getString("approval_reason"),
                Timestamps.instant(rs, "approved_at"),
                Timestamps.instant(rs, "approval_expires_at"),
                rs.getString("started_by"),
                Timestamps.instant(rs, "started_at"),
                Timestamps.instant(rs, "ended_at"),
                exitCode,
                rs.getLong("output_bytes"),
                rs.getLong("dropped_bytes"),
                duration,
                rs.getString("runner"),
                rs.getString("error"));
    }
}
