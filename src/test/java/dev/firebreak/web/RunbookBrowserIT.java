package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.Browser;
import dev.firebreak.support.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A responder uploads real runbooks in the browser and reads them: tables, trees, risks, history. */
class RunbookBrowserIT extends BrowserTest {
    @BeforeEach
    void open() {
        Browser.logIn(driver, uri("/login"), "admin", "admin-password-for-tests");
    }

    @Test
    void uploadReadSearchAndCompareVersions() throws IOException {
        Path seeds = Path.of(System.getProperty("firebreak.shared", "../shared"), "seeds");
        Path triage = upload(seeds.resolve("000_2eb0fdaed66d6d32.txt"), "miso-triage");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("MISO Triage Runbook - Phase 14");
        assertThat(driver.findElement(By.id("classifications")).getText()).contains("Schema Validation", "Block merge");
        assertThat(driver.findElements(By.cssSelector("#decision-trees ul.tree li")))
                .hasSizeGreaterThan(9);
        assertThat(driver.findElement(By.cssSelector("#decision-trees a[href='#schema-issues']"))
                        .getText())
                .contains("Schema Gate Failed");
        assertThat(driver.findElement(By.id("findings")).getText()).contains("broken-anchor");
        assertThat(driver.findElements(By.cssSelector("#document pre.risk-destructive")))
                .isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("#commands")).getText()).contains("destructive", "read-only");
        assertThat(driver.findElement(By.id("schema-issues")).getText()).isEqualTo("Schema Issues");
        Browser.screenshot(driver, "runbook-page");

        upload(seeds.resolve("002_e59b4eb987172cd9.txt"), "operational-runbooks");
        assertThat(driver.findElement(By.id("escalation-matrix")).getText())
                .contains("Primary", "Secondary", "Manager");
        assertThat(driver.findElement(By.id("severity-levels")).getText()).contains("SEV-1", "SEV-4");

        // A changed copy of the first runbook becomes version 2 with a diff.
        Path changed = Files.createTempFile("miso", ".md");
        Files.writeString(changed, Files.readString(triage).replace("Block merge", "Block merge and page"));
        upload(changed, "miso-triage");
        Browser.clickAndWait(driver, By.linkText("History"));
        assertThat(driver.findElements(By.cssSelector("#versions tbody tr"))).hasSize(2);
        List<WebElement> added = driver.findElements(By.cssSelector("#diff .add"));
        assertThat(added).anyMatch(line -> line.getText().contains("Block merge and page"));
        assertThat(driver.findElements(By.cssSelector("#diff .del")))
                .anyMatch(l -> l.getText().contains("Block merge"));
        Browser.screenshot(driver, "runbook-diff");

        driver.get(uri("/runbooks?q=schema").toString());
        assertThat(driver.findElement(By.cssSelector("ol.hits")).getText()).contains("MISO Triage Runbook");
        assertThat(driver.findElement(By.id("runbook-list")).getText())
                .contains("miso-triage", "MISO Reliability Team");
        Browser.screenshot(driver, "runbook-list");
    }

    private Path upload(Path file, String slug) {
        driver.get(uri("/runbooks").toString());
        driver.findElement(By.id("file"))
                .sendKeys(file.toAbsolutePath().normalize().toString());
        driver.findElement(By.id("slug")).sendKeys(slug);
        driver.findElement(By.id("upload")).click();
        // Wait for the redirect to the runbook's page: an element found on the upload page before
        // the browser navigated goes stale (seen on a loaded CI machine).
        wait.until(ExpectedConditions.urlMatches(".*/runbooks/" + Pattern.quote(slug) + "([?#].*)?$"));
        return file;
    }
}
