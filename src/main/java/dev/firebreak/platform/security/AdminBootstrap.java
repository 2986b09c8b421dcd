package dev.firebreak.platform.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On the first start with no users, creates {@code admin} so that somebody can log in. */
@Component
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts accounts;
    private final SecurityProperties properties;

    AdminBootstrap(UserAccounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        // `admin import` brings its own users: a generated admin would only be replaced.
        if (args.containsOption("firebreak.no-admin-bootstrap") || accounts.count() > 0) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        accounts.create("admin", password, Role.ADMIN, "Administrator", null);
        if (generated) {
            log.warn(
                    "Created user 'admin' with generated password: {}  (shown once; set"
                            + " FIREBREAK_ADMIN_PASSWORD to choose it)",
                    password);
        } else {
            log.info("Created user 'admin' with the password from FIREBREAK_ADMIN_PASSWORD");
        }
    }
}
