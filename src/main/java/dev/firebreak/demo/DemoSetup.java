package dev.firebreak.demo;

import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.Integrations;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccounts;
import dev.firebreak.runbook.RunbookLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Creates what the demo needs once: seed runbooks, the demo on-call team, a Prometheus integration. */
@Component
@ConditionalOnWebApplication
class DemoSetup {
    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);
    static final List<String> TEAM = List.of("alice", "bob");

    private final RunbookLibrary library;
    private final UserAccounts users;
    private final Integrations integrations;
    private final Path dataDir;
    private final String adminPassword;

    DemoSetup(
            RunbookLibrary library,
            UserAccounts users,
            Integrations integrations,
            @Value("${firebreak.data-dir:./data}") Path dataDir,
            @Value("${firebreak.security.admin-password:}") String adminPassword) {
        this.library = library;
        this.users = users;
        this.integrations = integrations;
        this.dataDir = dataDir;
        this.adminPassword = adminPassword;
    }

    void runbooks() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/runbooks/*.md");
        int imported = 0;
        for (Resource file : files) {
            String name = file.getFilename();
            String slug = name.substring(0, name.length() - ".md".length());
            try {
                library.get(slug);
            } catch (FirebreakException.NotFound absent) {
                library.put(slug, name, file.getContentAsByteArray(), "demo", "import");
                imported++;
            }
        }
        log.info("Demo: {} seed runbooks imported ({} already present)", imported, files.length - imported);
    }

    void team() {
        String password = null;
        for (String name : TEAM) {
            if (users.find(name).isEmpty()) {
                if (password == null) {
                    password = adminPassword.isBlank()
                            ? HexFormat.of().formatHex(new SecureRandom().generateSeed(8))
                            : adminPassword;
                }
                users.create(
                        name, password, Role.RESPONDER, name.substring(0, 1).toUpperCase() + name.substring(1), null);
            }
        }
        if (password != null) {
            String shown = adminPassword.isBlank() ? password : "the FIREBREAK_ADMIN_PASSWORD";
            log.warn("Demo on-call team: alice and bob (responders) can log in with password {}", shown);
        }
    }

    /** The demo integration's key, kept in the data directory because only its hash is stored. */
    String integrationKey() {
        Path file = dataDir.resolve("demo-integration.key");
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file).strip();
                if (integrations.authenticate(key).isPresent()) {
                    return key;
                }
            }
            String key = integrations
                    .create("demo (sample alerts)", IntegrationType.PROMETHEUS, 1000, 1000, null)
                    .key();
            Files.createDirectories(dataDir);
            Files.writeString(file, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
