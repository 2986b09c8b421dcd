package dev.firebreak.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile's final stage and the systemd unit, run as written on this machine by
 * scripts/deployment-steps.sh: the cache trained at the install path, one JVM that uses it
 * ({@code -XX:AOTMode=on}), ready, then a graceful stop on SIGTERM.
 */
class DeploymentStepsIT {
    @Test
    void theDockerfileAndTheUnitStartOneJvmFromTheAotCache() throws Exception {
        Path jar = Path.of(System.getProperty("firebreak.jar", "target/firebreak.jar"));
        assertThat(jar).exists();
        Process script = new ProcessBuilder("bash", "scripts/deployment-steps.sh", jar.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(script.exitValue()).as(out).isZero();
        assertThat(out)
                .contains("deploy: dockerfile ready")
                .contains("deploy: systemd ready")
                .contains("deploy: systemd stopped gracefully")
                .endsWith("deploy: ok\n");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("-XX:AOTCache=");
    }
}
