package dev.firebreak.platform.storage;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * H2's AUTO_SERVER port (how {@code firebreak admin} reaches the database while the server runs)
 * listens on every interface unless the JVM-wide {@code h2.bindAddress} is set before H2 first
 * loads its settings, which is why this runs before any bean: it copies
 * {@code firebreak.h2.bind-address} (loopback by default) there. An explicit -Dh2.bindAddress wins.
 */
public final class H2BindAddress implements EnvironmentPostProcessor, Ordered {
    static final String H2_PROPERTY = "h2.bindAddress";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String address = environment.getProperty("firebreak.h2.bind-address", "127.0.0.1");
        if (System.getProperty(H2_PROPERTY) == null && !address.isBlank()) {
            System.setProperty(H2_PROPERTY, address);
        }
    }

    /** After application.yml and the environment variables are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
