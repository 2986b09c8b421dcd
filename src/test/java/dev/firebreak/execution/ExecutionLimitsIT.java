package dev.firebreak.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.incident.TimelineDetail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;

/**
 * A run's limits end to end: the timeout kills the tree (a child ignoring SIGTERM too), 100 MB of
 * output is kept to the cap and counted, secrets never reach the table. The database is not the
 * point here, so this runs on H2 only.
 */
@TestPropertySource(
        properties = {
            "firebreak.execution.timeout=10s",
            "firebreak.execution.kill-grace=500ms",
            "firebreak.execution.redact=s3cr3t-runbook-value"
        })
class ExecutionLimitsIT extends ExecutionTest {
    @TempDir
    static Path pids;

    CommandRun runToEnd(String code) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String slug = "limits-" + id;
        String markdown = "# Limits " + id + "\n\n## Diagnosis\n\n```bash\n" + code + "\n```\n";
        store(slug, markdown);
        String service = "svc-" + id;
        switches.set(service, true, false, "admin");
        long incident = incident(service, slug, Map.of());
        accounts.create("lim-" + id, "password-123456", dev.firebreak.platform.security.Role.RESPONDER, null, null);
        long run = runs.request(incident, "diagnosis.1", Map.of(), "lim-" + id, true, null)
                .id();
        await().atMost(Duration.ofSeconds(60)).until(() -> runs.get(run).state().ended());
        return runs.get(run);
    }

    @Test
    void aCommandThatNeverEndsIsKilledWithAChildThatIgnoresSigterm() throws Exception {
        Path file = pids.resolve("pids-" + UUID.randomUUID());
        CommandRun run = runToEnd("bash -c 'trap \"\" TERM; sleep 1000' &\necho $! > " + file + "\necho started\nwait");
        assertThat(run.state()).isEqualTo(RunState.TIMED_OUT);
        assertThat(run.exitCode()).isNull();
        assertThat(runs.output(run.id())).isEqualTo("started\n");
        long pid = Long.parseLong(Files.readString(file).strip());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(incidents.details(run.incidentId()).timeline().getLast().text())
                .contains("killed after the 10 s timeout");
        assertThat(incidents.details(run.incidentId()).timeline().getLast().detail())
                .isInstanceOfSatisfying(TimelineDetail.CommandRan.class, r -> assertThat(r.outcome())
                        .isEqualTo(TimelineDetail.CommandRan.Outcome.TIMED_OUT));
    }

    @Test
    void hundredMegabytesOfOutputKeepTheCapAndCountTheRest() {
        CommandRun run = runToEnd("head -c 100000000 /dev/zero | tr '\\0' a");
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.outputBytes()).isEqualTo(1 << 20);
        assertThat(run.droppedBytes()).isEqualTo(100_000_000L - (1 << 20));
        assertThat(runs.output(run.id())).hasSize(1 << 20).matches("a+");
        assertThat(incidents.details(run.incidentId()).timeline().getLast().text())
                .contains((100_000_000L - (1 << 20)) + " bytes of output not kept");
    }

    @Test
    void secretsAreRedactedBeforeTheyAreStored() {
        CommandRun run = runToEnd("echo password=hunter2; echo token s3cr3t-runbook-value; echo ghp_"
                + "abcdefghijklmnopqrstuvwxyz0123456789AB; env | sort");
        String output = runs.output(run.id());
        assertThat(output).contains("token [REDACTED]", "PATH=/usr/local/bin:/usr/bin:/bin");
        assertThat(output).doesNotContain("hunter2", "s3cr3t-runbook-value", "ghp_abcdef", "JAVA_HOME", "FIREBREAK");
        assertThat(jdbc.sql("select count(*) from execution_audit where payload like '%s3cr3t-runbook-value%'"
                                + " and action = 'FINISHED'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
