package dev.firebreak.execution.internal;

import java.time.Duration;
import java.util.List;
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
        @DefaultValue List<String> redact) {}
