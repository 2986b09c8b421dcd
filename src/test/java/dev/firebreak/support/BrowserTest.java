package dev.firebreak.support;

import dev.firebreak.platform.security.Role;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The test server and a headless Chromium of each test's own, quit after it. */
public abstract class BrowserTest extends ServerTest {
    protected WebDriver driver;
    protected WebDriverWait wait;

    @BeforeEach
    protected void startBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    protected void quitBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** A new person with the role (the name starts with {@code prefix}), logged in in this browser. */
    protected String logInAs(Role role, String prefix) {
        String user = prefix + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(user, "password-123456", role, null, null);
        Browser.logIn(driver, uri("/login"), user, "password-123456");
        return user;
    }
}
