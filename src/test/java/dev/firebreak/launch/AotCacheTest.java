package dev.firebreak.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {
    @TempDir
    Path dir;

    Path jar;
    Path jdk;

    @BeforeEach
    void aJarWithItsCache() throws Exception {
        jar = Files.writeString(dir.resolve("firebreak.jar"), "not really a jar");
        jdk = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Path cache = Files.createDirectories(dir.resolve("firebreak-aot/app"));
        Files.writeString(cache.resolve("firebreak.jar"), "extracted");
        Files.writeString(cache.resolveSibling(AotCache.SERVER), "cache");
        Files.writeString(cache.resolveSibling(AotCache.CLI), "cache");
        AotCache.writeStamp(jar, jdk);
    }

    @Test
    void theServerAndTheAdminCommandsUseTheServerCacheAndTheClientCommandsTheCliCache() {
        assertThat(AotCache.cacheFor(new String[0])).contains(AotCache.SERVER);
        assertThat(AotCache.cacheFor(new String[] {"--demo"})).contains(AotCache.SERVER);
        assertThat(AotCache.cacheFor(new String[] {"serve", "--port", "9"})).contains(AotCache.SERVER);
        assertThat(AotCache.cacheFor(new String[] {"admin", "create-token", "ann"}))
                .contains(AotCache.SERVER);
        assertThat(AotCache.cacheFor(new String[] {"runbook", "parse", "x.md"})).contains(AotCache.CLI);
        assertThat(AotCache.cacheFor(new String[] {"incident", "list"})).contains(AotCache.CLI);
        assertThat(AotCache.cacheFor(new String[] {"help"})).isEmpty();
    }

    @Test
    void runsTheExtractedJarWithTheCacheAndKeepsTheUsersOptions() {
        List<String> command = AotCache.command(jar, jdk, List.of("-Xmx256m"), new String[] {"--port", "9"}, Map.of())
                .orElseThrow();
        assertThat(command)
                .containsExactly(
                        jdk.resolve("bin/java").toString(),
                        "-Xmx256m",
                        "-XX:AOTCache=" + dir.resolve("firebreak-aot/server.aot"),
                        "-jar",
                        dir.resolve("firebreak-aot/app/firebreak.jar").toString(),
                        "--port",
                        "9");
        List<String> cli = AotCache.command(jar, jdk, List.of("-XX:+UseG1GC"), new String[] {"version"}, Map.of())
                .orElseThrow();
        assertThat(cli.subList(1, 4)).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+UseG1GC");
    }

    @Test
    void aRebuiltJarAnotherJdkAMissingCacheOrTheSwitchMeansNoCache() throws Exception {
        String[] serve = {};
        assertThat(AotCache.command(jar, jdk, List.of(), serve, Map.of("FIREBREAK_AOT", "off")))
                .isEmpty();

        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.4\"\n");
        assertThat(AotCache.command(jar, jdk, List.of(), serve, Map.of())).isEmpty();
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        assertThat(AotCache.command(jar, jdk, List.of(), serve, Map.of())).isPresent();

        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        assertThat(AotCache.command(jar, jdk, List.of(), serve, Map.of())).isEmpty();
        AotCache.writeStamp(jar, jdk);
        assertThat(AotCache.command(jar, jdk, List.of(), serve, Map.of())).isPresent();

        Files.delete(dir.resolve("firebreak-aot").resolve(AotCache.SERVER));
        assertThat(AotCache.command(jar, jdk, List.of(), serve, Map.of())).isEmpty();
        assertThat(AotCache.command(jar, jdk, List.of(), new String[] {"version"}, Map.of()))
                .isPresent();
    }
}
