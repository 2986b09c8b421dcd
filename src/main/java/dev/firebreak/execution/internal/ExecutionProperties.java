package dev.firebreak.execution.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Command execution settings ({@code firebreak.execution.*}).
 *
 * @param shell the shell that runs a command's text with {@code -c} (default /bin/bash)
 * @param user the OS user commands run as, through {@code sudo -n -u}; empty runs as Firebreak's own
 * @param path the only PATH a command sees; the rest of Firebreak's environment is not passed on
 * @param workDirectory where each run gets a directory of its own (default: the JVM's temp dir)
 * @param timeout a run still going after this is killed with its whole process tree (default 5 min)
 * @param outputCap output kept per run; the rest is counted (default 1 MB)
 * @param killGrace between SIGTERM and SIGKILL to the process tree (default 2 s)
 * @param redact values hidden from output wherever they appear, besides common token patterns
 * @param approvalTtl an approval (or a request waiting for one) unused this long expires (default 15 min)
 * @param cooldown after a mutating or destructive run of a step for a service, the next waits (default 1 min)
 * @param rateLimit runs of one step for one service allowed per {@code rateWindow} (default 5 per hour)
 * @param threads runs a node executes at once (default 8)
 * @param pollingInterval how often a node looks for queued runs it was not woken for (default 1 s)
 * @param placeholders an admin's mapping from a placeholder name ({@code pod_name}) to the alert label
 *     that fills it ({@code pod}); without one, the label of the same name fills it
 */
@ConfigurationProperties("firebreak.execution")
public record ExecutionProperties(
        @DefaultValue("/bin/bash") String shell,
        @DefaultValue("") String user,
        @DefaultValue("/usr/local/bin:/usr/bin:/bin") String path,
        @DefaultValue("") String workDirectory,
        @DefaultValue("5m") Duration timeout,
        @DefaultValue("1MB") DataSize outputCap,
        @DefaultValue("2s") Duration killGrace,
        @DefaultValue List<String> redact,
        @DefaultValue("15m") Duration approvalTtl,
        @DefaultValue("1m") Duration cooldown,
        @DefaultValue("5") int rateLimit,
        @DefaultValue("1h") Duration rateWindow,
        @DefaultValue("8") int threads,
        @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue Map<String, String> placeholders) {

    /** The settings a runner needs, with the defaults for the rest (tests build runners this way). */
    public static ExecutionProperties forRunner(
            String shell,
            String user,
            String path,
            String workDirectory,
            Duration timeout,
            DataSize outputCap,
            Duration killGrace,
            List<String> redact) {
        return new ExecutionProperties(
                shell,
                user,
                path,
                workDirectory,
                timeout,
                outputCap,
                killGrace,
                redact,
                Duration.ofMinutes(15),
                Duration.ofMinutes(1),
                5,
                Duration.ofHours(1),
                8,
                Duration.ofSeconds(1),
                Map.of());
    }
}
