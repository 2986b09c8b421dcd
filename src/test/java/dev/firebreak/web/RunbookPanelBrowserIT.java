package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.execution.ExecutionSwitches;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.security.Role;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.support.Browser;
import dev.firebreak.support.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** A responder works through a runbook in a real browser: walks triage, ticks a step, runs a command. */
class RunbookPanelBrowserIT extends BrowserTest {
    @Autowired
    Incidents incidents;

    @Autowired
    RunbookLibrary library;

    @Autowired
    ExecutionSwitches switches;

    String id;

    @BeforeEach
    void open() {
        id = UUID.randomUUID().toString().substring(0, 8);
        accounts.create("panel-" + id, "password-123456", Role.RESPONDER, null, null);
        Browser.logIn(driver, uri("/login"), "panel-" + id, "password-123456");
    }

    long incident(String slug, String service) {
        String key = AlertGroups.key();
        var alert = AlertGroups.alert("SchemaGate" + id, Map.of(), clock.instant(), "zqxv " + id);
        alertGroups().fire(new AlertGroup(key, "default", Map.of(), service, null, null, slug, List.of(alert)));
        return incidents.list(new IncidentQuery(null, null, key, 5)).getFirst().id();
    }

    @Test
    void triageLeadsToTheProcedureWhoseStepsAreTickedOnThePage() throws Exception {
        String slug = "panel-seed-" + id;
        library.put(
                slug,
                slug + ".md",
                Files.readAllBytes(Path.of("../shared/seeds/000_2eb0fdaed66d6d32.txt")),
                "t",
                "api");
        long incident = incident(slug, "svc-" + id);
        driver.get(uri("/incidents/" + incident).toString());
        assertThat(driver.findElement(By.cssSelector("#triage .triage-question"))
                        .getText())
                .isEqualTo("Build Failure? → Start Here");
        Browser.clickAndWait(driver, By.linkText("Red CI Status?"));
        Browser.clickAndWait(driver, By.linkText("Schema Gate Failed? → Go to Schema Issues"));
        Browser.clickAndWait(driver, By.id("triage-done"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("procedure-title"), "Schema Issues"));
        assertThat(driver.getPageSource())
                .contains("Triage: Red CI Status? yes -&gt; Schema Gate Failed? yes -&gt; Schema Issues");
        // A multi-line block is shown whole, with its copy button; templates are not commands.
        String code = driver.findElement(By.cssSelector("#step-1 pre code")).getText();
        assertThat(code).contains("\n").startsWith("# Check schema validation logs");
        driver.findElement(By.cssSelector("#step-1 [data-copy]")).click();
        wait.until(d ->
                !d.findElement(By.cssSelector("#step-1 [data-copy]")).getText().equals("Copy"));
        Browser.clickAndWait(driver, By.cssSelector("#step-1 button.tick"));
        wait.until(ExpectedConditions.attributeContains(By.id("step-1"), "class", "step-done"));
        assertThat(driver.findElement(By.id("procedure-title")).getText()).contains("1/7 steps");
        // The next open step is under the actions too, for the phone where the runbook is far down.
        assertThat(driver.findElement(By.id("next-step")).getText()).startsWith("Next step Schema Issues 2:");
        Browser.screenshot(driver, "runbook-panel-checklist");
        assertThat(incidents.details(incident).timeline())
                .anyMatch(e -> e.kind() == TimelineKind.TRIAGE)
                .anyMatch(e -> e.kind() == TimelineKind.CHECKLIST);
    }

    @Test
    void aReadOnlyCommandRunsOnAClickAndItsOutputShowsOnThePage() {
        String slug = "panel-run-" + id;
        String service = "svc-" + id;
        String markdown = "# Panel " + id + "\n\n## Diagnosis\n\n```bash\nseq 1 3\n```\n\n## Fix\n\n```bash\n"
                + "rm -rf /tmp/firebreak-panel-none\n```\n";
        library.put(slug, slug + ".md", markdown.getBytes(StandardCharsets.UTF_8), "t", "api");
        switches.set(service, true, false, "admin");
        long incident = incident(slug, service);
        driver.get(uri("/incidents/" + incident).toString());
        Browser.clickAndWait(driver, By.cssSelector("#cmd-diagnosis\\.1 button[type=submit]"));
        wait.until(d ->
                d.findElement(By.cssSelector("#runs pre.run-output")).getText().equals("1\n2\n3"));
        Browser.clickAndWait(driver, By.cssSelector("#cmd-fix\\.1 button[type=submit]"));
        assertThat(driver.getPageSource()).contains("waits for a second person");
        assertThat(driver.findElements(By.cssSelector("#runs form[action$='/approve']")))
                .isEmpty();
        Browser.screenshot(driver, "runbook-panel-runs");
    }
}
