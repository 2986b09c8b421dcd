package dev.firebreak.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliClassPathTest {
    private static URL nested(String entry) throws Exception {
        return URI.create("file:/opt/firebreak/BOOT-INF/" + entry).toURL();
    }

    @Test
    void putsTheClassesAndTheFileCommandsLibrariesFirstAndKeepsTheRestInOrder() throws Exception {
        URL[] urls = {
            nested("classes/"),
            nested("lib/spring-core-7.0.10.jar"),
            nested("lib/jackson-core-3.1.7.jar"),
            nested("lib/h2-2.3.jar"),
            nested("lib/commonmark-0.28.0.jar"),
            nested("lib/picocli-4.7.7.jar"),
            nested("lib/spring-jackson-bridge.jar")
        };

        List<String> ordered = Arrays.stream(CliClassPath.order(urls))
                .map(u -> u.toString().replaceAll(".*BOOT-INF/", ""))
                .toList();

        assertThat(ordered)
                .containsExactly(
                        "classes/",
                        "lib/jackson-core-3.1.7.jar",
                        "lib/commonmark-0.28.0.jar",
                        "lib/picocli-4.7.7.jar",
                        "lib/spring-core-7.0.10.jar",
                        "lib/h2-2.3.jar",
                        "lib/spring-jackson-bridge.jar");
    }

    @Test
    void leavesAnyOtherClassLoaderAlone() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(CliClassPath.reordered(loader)).isSameAs(loader);
    }
}
