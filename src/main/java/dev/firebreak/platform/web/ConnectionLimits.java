package dev.firebreak.platform.web;

import dev.firebreak.platform.security.SecurityProperties;
import java.time.Duration;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The server's connectors: every one is a {@link CappedNioProtocol} with the per-client cap, and
 * with {@code firebreak.security.connections.intake-port} a second connector answers alert intake
 * and health only ({@link IntakePortFilter}), with its own connection and thread pool. The intake
 * connector serves plain HTTP (no server.ssl) and binds server.address like the main one.
 */
@Component
@ConditionalOnWebApplication
public class ConnectionLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private final SecurityProperties.Connections settings;
    private volatile Connector intake;

    private final Environment environment;

    ConnectionLimits(SecurityProperties properties, Environment environment) {
        this.settings = properties.connections();
        this.environment = environment;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(CappedNioProtocol.class.getName());
        factory.addConnectorCustomizers(this::cap);
        if (settings.intakePort() != null) {
            Connector connector = new Connector(CappedNioProtocol.class.getName());
            connector.setPort(settings.intakePort());
            cap(connector);
            // The main connector gets these from server.*; the extra one is built here, with the same.
            connector.setProperty("connectionTimeout", millis("server.tomcat.connection-timeout", "10s"));
            connector.setProperty("keepAliveTimeout", millis("server.tomcat.keep-alive-timeout", "30s"));
            String address = environment.getProperty("server.address");
            if (address != null && !address.isBlank()) {
                connector.setProperty("address", address);
            }
            factory.addAdditionalConnectors(connector);
            intake = connector;
        }
    }

    private String millis(String property, String fallback) {
        Duration value = DurationStyle.detectAndParse(environment.getProperty(property, fallback));
        return Long.toString(value.toMillis());
    }

    private void cap(Connector connector) {
        if (connector.getProtocolHandler() instanceof CappedNioProtocol capped) {
            capped.setMaxConnectionsPerClient(settings.perClient());
        }
    }

    /** The intake connector's port once started, or -1 when there is none. */
    public int intakePort() {
        Connector c = intake;
        return c == null ? -1 : c.getLocalPort();
    }
}
