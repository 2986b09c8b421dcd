package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.Browser;
import dev.firebreak.support.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/** The incident page follows changes made elsewhere; the list acknowledges in bulk and filters to mine. */
class IncidentQueueBrowserIT extends BrowserTest {
    @Autowired
    Incidents incidents;

    @Autowired
    dev.firebreak.oncall.Teams teams;

    @Autowired
    dev.firebreak.oncall.Services services;

    String user;

    @BeforeEach
    void open() {
        user = logInAs(Role.RESPONDER, "q-");
    }

    long incident(String name, Map<String, String> labels) {
        String key = AlertGroups.key();
        alertGroups()
                .fire(new AlertGroup(
                        key,
                        "default",
                        Map.of(),
                        null,
                        null,
                        null,
                        null,
                        List.of(
                                AlertGroups.alert(name, labels, clock.instant(), "zqxv " + name),
                                AlertGroups.alert(
                                        name, Map.of("instance", "b-" + user), clock.instant(), "zqxv " + name))));
        return incidents.list(new IncidentQuery(null, null, key, 5)).getFirst().id();
    }

    @Test
    void theIncidentPageShowsAnAcknowledgeAndANoteMadeElsewhereWithoutAReload() {
        long id = incident("LiveA" + user, Map.of("instance", "a-" + user, "service", "checkout-" + user));
        driver.get(uri("/incidents/" + id).toString());
        wait.until(d -> "true"
                .equals(d.findElement(By.cssSelector("[data-incident-live]")).getDomAttribute("data-live-connected")));
        assertThat(driver.findElement(By.id("incident-facts")).getText()).contains("checkout-" + user);
        assertThat(driver.findElement(By.id("alerts")).getText()).contains("instance=a-" + user, "instance=b-" + user);

        incidents.acknowledge(id, "admin");
        incidents.note(id, "admin", "rolling back the canary");
        wait.until(d -> d.findElement(By.id("timeline")).getText().contains("rolling back the canary"));
        assertThat(driver.findElement(By.id("incident-facts")).getText()).contains("acknowledged");
        // Newest first: the note is the first line.
        assertThat(driver.findElements(By.cssSelector("#timeline li"))
                        .getFirst()
                        .getText())
                .contains("rolling back the canary");
        // "a" acknowledges, "n" goes to the note: the keys are wired (the button is gone once acknowledged).
        assertThat(driver.findElements(By.id("acknowledge"))).isEmpty();

        // A role goes to a person picked from the list.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("username"))).selectByValue(user);
        Browser.clickAndWait(driver, By.id("assign-role"));
        wait.until(d -> d.findElement(By.id("incident-facts")).getText().contains(user));
        assertThat(incidents.get(id).commander()).isEqualTo(user);

        // The team filter shows the incidents of the team's services.
        teams.create("team-" + user, null);
        services.create("checkout-" + user, null, "team-" + user, null);
        driver.get(uri("/incidents?state=all&team=team-" + user).toString());
        assertThat(driver.findElements(By.cssSelector("tr[data-incident]")))
                .extracting(e -> e.getDomAttribute("data-incident"))
                .containsExactly(Long.toString(id));
        assertThat(driver.findElement(By.id("team-filter")).getDomProperty("value"))
                .isEqualTo("team-" + user);
    }

    @Test
    void bulkAcknowledgeAsksFirstAndMineShowsWhatIAcknowledged() {
        long a = incident("BulkA" + user, Map.of("instance", "a"));
        long b = incident("BulkB" + user, Map.of("instance", "a"));
        driver.get(uri("/incidents?q=zqxv+bulk&state=open").toString());
        wait.until(d -> !d.findElements(By.cssSelector("tr[data-incident='" + a + "'] input[type=checkbox]"))
                .isEmpty());
        driver.findElement(By.cssSelector("tr[data-incident='" + a + "'] input[type=checkbox]"))
                .click();
        driver.findElement(By.cssSelector("tr[data-incident='" + b + "'] input[type=checkbox]"))
                .click();
        ((JavascriptExecutor) driver)
                .executeScript("window.confirm = (m) => { localStorage.setItem('asked', m); return true; };");
        Browser.clickAndWait(driver, By.id("bulk-acknowledge"));
        wait.until(d -> d.getPageSource().contains("Acknowledged 2 of 2."));
        assertThat((String) ((JavascriptExecutor) driver).executeScript("return localStorage.getItem('asked')"))
                .contains("2 incident(s)");
        assertThat(driver.getCurrentUrl()).contains("q=zqxv+bulk");
        assertThat(incidents.get(a).state()).isEqualTo(IncidentState.ACKNOWLEDGED);
        assertThat(incidents.get(b).acknowledgedBy()).isEqualTo(user);

        driver.get(uri("/incidents?mine=true&state=open").toString());
        String rows = driver.findElement(By.id("incident-rows")).getText();
        assertThat(rows).contains("BulkA" + user, "BulkB" + user).contains(user);
        driver.get(uri("/incidents?state=all&sort=oldest").toString());
        assertThat(driver.findElement(By.id("sort")).getDomProperty("value")).isEqualTo("oldest");
    }

    @Test
    void resolvingWhileAlertsStillFireAsksWhetherToSilenceThem() {
        long id = incident("Firing" + user, Map.of("instance", "a-" + user));
        driver.get(uri("/incidents/" + id).toString());
        driver.findElement(By.id("resolve")).click();
        assertThat(driver.findElement(By.cssSelector(".resolve-firing p")).getText())
                .contains("2 alert(s) still fire");
        Browser.clickAndWait(driver, By.id("resolve-and-silence"));
        wait.until(d -> d.getPageSource().contains("Resolved, its firing alerts silenced for 1h."));
        assertThat(incidents.get(id).state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(incidents.details(id).timeline().stream().map(e -> e.text()))
                .anyMatch(t -> t.startsWith("silenced 2 alert(s) for 1h"));
    }
}
