package dev.firebreak.alert.internal.routing;

import dev.firebreak.alert.RoutingConfigs;
import dev.firebreak.alert.RoutingProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Loads {@code firebreak.alerts.routing-file} at start. An invalid file stops the start, as
 * Alertmanager refuses a bad config: running with a routing other than the one in git would mislead.
 */
@Component
// No condition on the file itself: the build's Spring AOT processing would freeze it (decision 0004).
@ConditionalOnExpression("'${firebreak.mode:server}' != 'admin'")
class RoutingFile implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(RoutingFile.class);

    private final RoutingConfigs routing;
    private final RoutingProperties properties;

    RoutingFile(RoutingConfigs routing, RoutingProperties properties) {
        this.routing = routing;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (properties.routingFile() == null || properties.routingFile().isBlank()) {
            return;
        }
        Path file = Path.of(properties.routingFile());
        String yaml = Files.readString(file);
        int before = routing.current().version();
        // Policies it names may be created only after this start; a missing one is an escalation finding.
        int after = routing.save(yaml, "file:" + file.getFileName(), false).version();
        if (after != before) {
            log.info("routing configuration version {} loaded from {}", after, file);
        }
    }
}
