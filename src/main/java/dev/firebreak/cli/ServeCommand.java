package dev.firebreak.cli;

import dev.firebreak.FirebreakApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.util.ClassUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the server (web UI, REST API, alert intake). The default command.")
final class ServeCommand implements Callable<Integer> {
    private static final String SPRING_AOT = "spring.aot.enabled";
    private static volatile boolean serving;

    @Option(names = "--demo", description = "Import the sample runbooks and send sample alerts.")
    boolean demo;

    @Option(names = "--port", description = "HTTP port (default 8080, or FIREBREAK_PORT).", paramLabel = "PORT")
    Integer port;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    /**
     * Runs the server from the bean definitions the build generated (Spring AOT), which spares the
     * start parsing ~200 configuration classes (docs/decisions/0004). {@code -Dspring.aot.enabled=false}
     * turns it off, for settings the build's processing froze.
     */
    static void useSpringAot() {
        if (System.getProperty(SPRING_AOT) == null
                && ClassUtils.isPresent(
                        FirebreakApplication.class.getName() + "__ApplicationContextInitializer", null)) {
            System.setProperty(SPRING_AOT, "true");
        }
    }

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(springArgs);
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (demo) {
            args.add("--firebreak.demo.enabled=true");
        }
        serving = true;
        useSpringAot();
        SpringApplication application = new SpringApplication(FirebreakApplication.class);
        // Names the build's AOT-generated initializer (FirebreakApplication__ApplicationContextInitializer).
        application.setMainApplicationClass(FirebreakApplication.class);
        application.run(args.toArray(String[]::new));
        return 0;
    }
}
