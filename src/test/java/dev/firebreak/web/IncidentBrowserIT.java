package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.Browser;
import dev.firebreak.support.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** A responder in a real browser: the list updates live, the incident page acts and records. */
class IncidentBrowserIT extends BrowserTest {
    @Autowired
    Incidents incidents;

    @Test
    void incidentAppearsLiveAndIsAcknowledgedWithANote() {
        String name = logInAs(Role.RESPONDER, "dana-");
        driver.get(uri("/incidents").toString());
        try {
            wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live-connected")));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(driver, "incidents-not-live");
            throw new AssertionError(
                    "live stream not connected on " + driver.getCurrentUrl() + ": "
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }

        String key = AlertGroups.key();
        alertGroups()
                .fire(AlertGroups.group(
                        key,
                        "critical",
                        null,
                        List.of(AlertGroups.alert(
                                "BrowserCheckoutDown", Map.of("service", "checkout"), clock.instant()))));
        long id =
                incidents.list(new IncidentQuery(null, null, key, 1)).getFirst().id();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-incident='" + id + "']")));
        Browser.screenshot(driver, "incidents-live");

        Browser.clickAndWait(driver, By.cssSelector("tr[data-incident='" + id + "'] a"));
        // The list page has an h1 too: wait for the incident's page before reading it.
        wait.until(ExpectedConditions.urlMatches(".*/incidents/" + id + "([?#].*)?$"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("BrowserCheckoutDown is firing");
        assertThat(driver.findElement(By.id("response-target")).getText()).contains("15 minutes", "running");
        Browser.clickAndWait(driver, By.id("acknowledge"));
        assertThat(driver.findElement(By.cssSelector(".alert.success")).getText())
                .isEqualTo("Acknowledged.");
        driver.findElement(By.id("note")).sendKeys("Rolled back the checkout deploy");
        Browser.clickAndWait(driver, By.id("add-note"));
        assertThat(driver.findElement(By.id("timeline")).getText())
                .contains(name + " acknowledged")
                .contains(name + " Rolled back the checkout deploy");
        assertThat(driver.findElement(By.id("response-target")).getText()).contains("met");
        Browser.screenshot(driver, "incident");
    }
}
