package dev.firebreak.cli;

import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.Integrations;
import dev.firebreak.platform.FirebreakException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code firebreak admin create-integration}: prints only the new key, for scripts. */
@Command(
        name = "create-integration",
        mixinStandardHelpOptions = true,
        description = "Create an alert integration and print only its key (shown this once).")
final class CreateIntegrationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--type", required = true, description = "alertmanager, prometheus, events-v2 or generic")
    String type;

    @Option(names = "--name", required = true, description = "A unique name, e.g. the sending system.")
    String name;

    @Option(names = "--mapping", paramLabel = "FILE", description = "JSON mapping file (generic integrations only).")
    Path mapping;

    @Option(names = "--rate", description = "Requests per second (default: firebreak.alerts.default-rate-per-second).")
    Integer rate;

    @Option(names = "--burst", description = "Requests at once (default: firebreak.alerts.default-burst).")
    Integer burst;

    @Override
    public Integer call() {
        IntegrationType parsed;
        String mappingJson = null;
        try {
            parsed = IntegrationType.parse(type);
            if (mapping != null) {
                mappingJson = Files.readString(mapping, StandardCharsets.UTF_8);
            }
        } catch (FirebreakException e) {
            throw new CliException(e.getMessage(), 2);
        } catch (IOException e) {
            throw new CliException("cannot read " + mapping + ": " + e.getMessage(), 2);
        }
        String json = mappingJson;
        String key = AdminCommand.withDatabase(context -> context.getBean(Integrations.class)
                .create(name, parsed, rate, burst, json)
                .key());
        spec.commandLine().getOut().println(key);
        return 0;
    }
}
