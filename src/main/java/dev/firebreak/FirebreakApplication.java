package dev.firebreak;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The server: web UI, REST API and background jobs in one Spring context. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class FirebreakApplication {
    /** The build's Spring AOT processing starts the server here; users start it with the CLI's {@code serve}. */
    public static void main(String[] args) {
        SpringApplication.run(FirebreakApplication.class, args);
    }
}
