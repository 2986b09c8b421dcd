package dev.firebreak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.JarProcess;
import dev.firebreak.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the default embedded H2 URL, the AUTO_SERVER port that lets {@code firebreak admin} share the
 * database listens on loopback only, and admin commands still reach it while the server runs.
 */
class H2LoopbackJarIT {
    /** 127.0.0.1 as /proc/net/tcp and /proc/net/tcp6 (IPv4-mapped) print it. */
    private static final List<String> LOOPBACK = List.of("0100007F", "0000000000000000FFFF00000100007F");

    @TempDir
    Path data;

    @Test
    void theH2ServerPortIsLoopbackOnlyAndAdminStillWorks() throws Exception {
        Map<String, String> env =
                Map.of("FIREBREAK_DATA_DIR", data.toString(), "FIREBREAK_ADMIN_PASSWORD", "h2-admin-pw");
        try (ServerProcess server = ServerProcess.start(env, data.resolve("server.log"))) {
            server.awaitReady();
            Properties lock = new Properties();
            try (var in = Files.newInputStream(data.resolve("firebreak.lock.db"))) {
                lock.load(in);
            }
            String address = lock.getProperty("server");
            assertThat(address)
                    .as("the lock file names the server for other processes")
                    .isNotNull();
            int h2Port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            assertThat(address.substring(0, address.lastIndexOf(':'))).isIn("localhost", "127.0.0.1");

            List<String> listening = listeningAddresses(h2Port);
            assertThat(listening).as("sockets listening on port %d", h2Port).isNotEmpty();
            assertThat(listening).as("bound to loopback only").allMatch(LOOPBACK::contains);

            JarProcess.Result user = JarProcess.run(
                    env, "admin", "create-user", "ann", "--role", "viewer", "--password", "long-password");
            assertThat(user.exitCode()).as(user.err()).isZero();
            assertThat(user.out()).contains("created user ann");
            assertThat(server.login("ann", "long-password").cookie()).isNotBlank();
        }
    }

    /** Local addresses (hex, as the kernel prints them) of the sockets in LISTEN state on the port. */
    private static List<String> listeningAddresses(int port) throws Exception {
        List<String> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))
                    .subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (fields[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {
                    found.add(local[0]);
                }
            }
        }
        return found;
    }
}
