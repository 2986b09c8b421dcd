package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.oncall.People;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.Browser;
import dev.firebreak.support.BrowserTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One time format: a person whose profile names a zone sees the pages' times in that zone (here
 * Asia/Kolkata, UTC+05:30, so even the minutes differ from UTC), with UTC on hover, never as ISO "Z".
 */
class ViewerZoneBrowserIT extends BrowserTest {
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Autowired
    People people;

    @Test
    void tokensAndGitSyncShowInTheProfilesZone(@TempDir Path repo) throws Exception {
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repo.resolve("runbooks"));
            Files.writeString(repo.resolve("runbooks/zone-check.md"), "# ZoneCheck\n\n## Mitigation\n\nWait.\n");
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("first")
                    .setAuthor("Ops", "ops@example.com")
                    .setCommitter("Ops", "ops@example.com")
                    .call();
        }
        logInAs(Role.ADMIN, "zone-");

        driver.get(uri("/account").toString());
        driver.findElement(By.id("profile-zone")).sendKeys("Asia/Kolkata");
        Browser.clickAndWait(driver, By.cssSelector("#profile-form button[type=submit]"));
        assertThat(driver.findElement(By.id("account-zone")).getText()).isEqualTo("Asia/Kolkata");
        assertThat(driver.findElement(By.cssSelector("meta[name=fb-zone]")).getAttribute("content"))
                .isEqualTo("Asia/Kolkata");

        driver.findElement(By.id("token-name")).sendKeys("zone test");
        Browser.clickAndWait(driver, By.id("create-token"));
        // Expires: an absolute time, in the profile's zone; the page's own UTC text is gone.
        WebElement expires = driver.findElement(By.cssSelector("#tokens td.token-expires time"));
        Instant expiresAt = Instant.parse(expires.getAttribute("datetime"));
        assertInKolkata(expires.getText(), expiresAt);
        assertThat(expires.getAttribute("title")).isEqualTo(utc(expiresAt));
        // Created: how long ago, the time in the zone and in UTC on hover.
        WebElement created = driver.findElement(By.cssSelector("#tokens td.token-created time"));
        assertThat(created.getText()).matches("(in )?\\d+ (s|min|h \\d+ min|d)( ago)?");
        Instant createdAt = Instant.parse(created.getAttribute("datetime"));
        assertInKolkata(created.getAttribute("title"), createdAt);
        assertThat(created.getAttribute("title")).endsWith("(" + utc(createdAt) + ")");

        driver.get(uri("/settings/git-sources").toString());
        driver.findElement(By.id("url")).sendKeys(repo.toUri().toString());
        driver.findElement(By.id("path")).sendKeys("runbooks");
        Browser.clickAndWait(driver, By.id("add-source"));
        Browser.clickAndWait(driver, By.xpath("//table[@id='git-sources']//button[text()='Sync now']"));
        WebElement synced = driver.findElement(By.cssSelector("#git-sources time[datetime]"));
        assertThat(synced.getText()).matches("(in )?\\d+ (s|min|h \\d+ min|d)( ago)?");
        Instant syncedAt = Instant.parse(synced.getAttribute("datetime"));
        assertInKolkata(synced.getAttribute("title"), syncedAt);
        assertThat(driver.findElement(By.id("git-sources")).getText())
                .doesNotContain(syncedAt.toString())
                .doesNotContain(utc(syncedAt).substring(0, 16) + " UTC");
    }

    @Test
    void settingsAndSilencesListTheirTimesInTheProfilesZone() throws Exception {
        String user = "zone-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(user, "password-123456", Role.ADMIN, null, null);
        people.update(user, new People.ProfileChange(null, null, "Asia/Kolkata"));
        Browser.logIn(driver, uri("/login"), user, "password-123456");

        driver.get(uri("/settings/heartbeats").toString());
        driver.findElement(By.id("heartbeat-name")).sendKeys(user);
        driver.findElement(By.id("heartbeat-interval")).sendKeys("5m");
        Browser.clickAndWait(driver, By.id("create-heartbeat"));
        String ping = driver.findElement(By.cssSelector("#new-ping-url code")).getText();
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(uri(ping))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isBetween(200, 299);
        driver.get(uri("/settings/heartbeats").toString());
        assertTimes("//table[@id='heartbeats']//tr[td[text()='" + user + "']]//time", 1);

        driver.get(uri("/settings/integrations").toString());
        driver.findElement(By.id("integration-name")).sendKeys(user);
        Browser.clickAndWait(driver, By.id("create-integration"));
        assertTimes("//table[@id='integrations']//tr[td[text()='" + user + "']]//time", 1);

        driver.get(uri("/silences").toString());
        driver.findElement(By.id("matchers")).sendKeys("zone=\"" + user + "\"");
        driver.findElement(By.id("silence-comment")).sendKeys(user);
        Browser.clickAndWait(driver, By.cssSelector("#new-silence button[type=submit]"));
        assertTimes("//table[@id='silences']//tr[td[text()='" + user + "']]//time", 2);
        driver.findElement(By.id("window-service")).sendKeys(user);
        Browser.clickAndWait(driver, By.cssSelector("#new-window button[type=submit]"));
        assertTimes("//table[@id='maintenance-windows']//tr[td[text()='" + user + "']]//time", 2);
    }

    /** Each of the {@code count} times: a relative one reads "… ago", an absolute one Kolkata's clock. */
    private void assertTimes(String xpath, int count) {
        java.util.List<WebElement> times = driver.findElements(By.xpath(xpath));
        assertThat(times).as(xpath).hasSize(count);
        for (WebElement time : times) {
            Instant at = Instant.parse(time.getAttribute("datetime"));
            if (time.getAttribute("data-relative") != null) {
                assertThat(time.getText()).matches("(in )?\\d+ (s|min|h \\d+ min|d)( ago)?");
                assertInKolkata(time.getAttribute("title"), at);
            } else {
                assertInKolkata(time.getText(), at);
                assertThat(time.getAttribute("title")).isEqualTo(utc(at));
            }
        }
    }

    /** Kolkata's wall clock (hour, minutes and seconds; Chromium may write midnight as 24), not UTC's, not ISO. */
    private static void assertInKolkata(String text, Instant at) {
        ZonedDateTime local = at.atZone(KOLKATA);
        String clock = DateTimeFormatter.ofPattern(":mm:ss").format(local);
        String hour = DateTimeFormatter.ofPattern("HH").format(local);
        assertThat(text)
                .as("%s in Asia/Kolkata", at)
                .containsAnyOf(hour + clock, (hour.equals("00") ? "24" : hour) + clock)
                .doesNotContain("Z")
                .doesNotContain(at.toString().substring(0, 16));
        assertThat(text.replaceAll("\\(.*\\)", "")).doesNotContain("UTC");
    }

    /** What time.js puts on hover for an absolute time: the instant in UTC to the second. */
    private static String utc(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .withZone(ZoneOffset.UTC)
                        .format(at) + " UTC";
    }
}
