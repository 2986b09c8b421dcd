package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.Browser;
import dev.firebreak.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person in a real browser: log in, see the dashboard, create an API token and use it. */
class BrowserIT extends BrowserTest {
    @Test
    void logInSeeTheDashboardAndCreateAnApiToken() {
        driver.get(uri("/").toString());
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("wrong-password");
        Browser.clickAndWait(driver, By.cssSelector("button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".alert.error")).getText()).contains("Wrong username or password");

        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("admin-password-for-tests");
        Browser.clickAndWait(driver, By.cssSelector("button[type=submit]"));
        // The login page has an h1 too: wait until the browser left it, or the h1 found goes stale.
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        for (String nav :
                new String[] {"Incidents", "Alerts", "On-call", "Runbooks", "Analytics", "Status page", "Settings"}) {
            assertThat(driver.findElement(By.cssSelector("nav.nav")).getText()).contains(nav);
        }
        Browser.screenshot(driver, "dashboard");

        Browser.clickAndWait(driver, By.linkText("admin"));
        driver.findElement(By.id("token-name")).sendKeys("browser test");
        Browser.clickAndWait(driver, By.id("create-token"));
        String token = driver.findElement(By.id("new-token-value")).getText();
        assertThat(token).startsWith("fbk_");
        assertThat(driver.findElement(By.id("tokens")).getText())
                .contains("browser test")
                .contains("active");
        Browser.screenshot(driver, "account-token");
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(200);

        driver.navigate().refresh();
        assertThat(driver.getPageSource()).doesNotContain(token);
        Browser.clickAndWait(driver, By.cssSelector("#tokens button.danger"));
        assertThat(driver.findElement(By.id("tokens")).getText()).contains("revoked");
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);

        Browser.phone(driver);
        driver.get(uri("/").toString());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        Browser.screenshot(driver, "dashboard-phone");
    }
}
