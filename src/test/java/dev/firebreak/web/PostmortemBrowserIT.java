package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import dev.firebreak.postmortem.Postmortems;
import dev.firebreak.support.Browser;
import dev.firebreak.support.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** A responder drafts a postmortem from the incident page, edits it with the live preview, meets a conflict. */
class PostmortemBrowserIT extends BrowserTest {
    @Autowired
    Incidents incidents;

    @Autowired
    Postmortems postmortems;

    String user;

    @BeforeEach
    void open() {
        user = logInAs(Role.RESPONDER, "pmb-");
    }

    @Test
    void draftEditPreviewAndAConflictThatKeepsTheText() {
        String key = AlertGroups.key();
        var alert = AlertGroups.alert("PmBrowser" + user, Map.of(), clock.instant(), "zqxv " + user);
        alertGroups().fire(new AlertGroup(key, "default", Map.of(), "web", null, null, null, List.of(alert)));
        long incident =
                incidents.list(new IncidentQuery(null, null, key, 5)).getFirst().id();
        incidents.resolve(incident, user);

        driver.get(uri("/incidents/" + incident).toString());
        Browser.clickAndWait(driver, By.id("draft-postmortem"));
        wait.until(ExpectedConditions.urlMatches(".*/postmortems/\\d+$"));
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(driver.findElement(By.id("postmortem-preview")).getText()).contains("Timeline", "Root Cause");

        WebElement editor = driver.findElement(By.id("pm-markdown"));
        editor.clear();
        editor.sendKeys("# Review\n\n**Root cause**: an expired certificate <script>x()</script>\n");
        wait.until(d -> d.findElement(By.id("postmortem-preview"))
                .getDomProperty("innerHTML")
                .contains("<strong>Root cause</strong>"));
        assertThat(driver.findElement(By.id("postmortem-preview")).getDomProperty("innerHTML"))
                .doesNotContain("<script");

        // Somebody else saves first: this save is refused, and the text typed here stays in the editor.
        postmortems.edit(id, 1, null, "# Theirs\n", "admin");
        Browser.clickAndWait(driver, By.id("save-postmortem"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("postmortem-error")));
        assertThat(driver.findElement(By.id("postmortem-error")).getText()).contains("version 2");
        assertThat(driver.findElement(By.id("pm-markdown")).getDomProperty("value"))
                .contains("expired certificate");
        assertThat(driver.findElement(By.id("postmortem-preview")).getText()).contains("Theirs");

        // Saved on the version now shown, it goes through; then an action item with a preset.
        driver.get(uri("/postmortems/" + id).toString());
        WebElement again = driver.findElement(By.id("pm-markdown"));
        again.clear();
        again.sendKeys("# Merged\n\nBoth texts.\n");
        Browser.clickAndWait(driver, By.id("save-postmortem"));
        wait.until(d -> d.findElement(By.id("postmortem-version")).getText().equals("3"));
        driver.findElement(By.id("ai-title")).sendKeys("Renew certificates automatically");
        Browser.clickAndWait(driver, By.cssSelector("#add-action-item button[type=submit]"));
        wait.until(d -> d.findElement(By.id("action-item-list")).getText().contains("Renew certificates"));
        Browser.clickAndWait(driver, By.id("move-in_review"));
        wait.until(d -> d.findElement(By.id("postmortem-state")).getText().equals("in review"));
    }
}
