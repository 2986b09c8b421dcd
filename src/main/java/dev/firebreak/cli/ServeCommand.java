package dev.firebreak.cli;

import dev.firebreak.FirebreakApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the server (web UI, REST API, alert intake). The default command.")
final class ServeCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Option(names = "--demo", description = "Import the sample runbooks and send sample alerts.")
    boolean demo;

    @Option(names = "--port", description = "HTTP port (default 8080, or FIREBREAK_PORT).", paramLabel = "PORT")
    Integer port;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

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
        SpringApplication.run(FirebreakApplication.class, args.toArray(String[]::new));
        return 0;
    }
}
