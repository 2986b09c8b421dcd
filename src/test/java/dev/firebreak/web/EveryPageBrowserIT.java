package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import dev.firebreak.postmortem.Postmortems;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.support.Browser;
import dev.firebreak.support.BrowserTest;
import dev.firebreak.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page as an admin sees it, in real Chromium: none wider than a 360 px phone, and none with a
 * serious or critical axe-core violation at 1440 px (axe-core from npm, scripts/axe-core.sh).
 */
class EveryPageBrowserIT extends BrowserTest {
    @Autowired
    Incidents incidents;

    @Autowired
    RunbookLibrary library;

    @Autowired
    Postmortems postmortems;

    List<String> pages;
    long openIncident;

    @BeforeEach
    void open() throws Exception {
        String user = "every-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(user, "password-123456", Role.ADMIN, null, null);
        String slug = "every-" + user;
        library.put(
                slug,
                slug + ".md",
                Files.readAllBytes(Path.of("../shared/seeds/000_2eb0fdaed66d6d32.txt")),
                "t",
                "api");
        long incident = alertGroups()
                .openIncident(
                        "checkout",
                        slug,
                        List.of(AlertGroups.alert(
                                "EveryPage" + user,
                                Map.of("instance", "web-1:9100", "service", "checkout"),
                                clock.instant(),
                                "a long summary of what is wrong with the checkout service right now")));
        incidents.resolve(incident, user);
        // An open one too, with the actions, the runbook's next step and alerts on several instances.
        List<dev.firebreak.alert.Alert> firing = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            firing.add(AlertGroups.alert(
                    "EveryPageOpen" + user,
                    Map.of("instance", "web-" + n + ":9100", "service", "checkout"),
                    clock.instant(),
                    "checkout performance issues: answers slowly on one instance"));
        }
        openIncident = alertGroups().openIncident("checkout", slug, firing);
        incidents.note(openIncident, user, "looking at web-3 first");
        long postmortem = postmortems.draft(incident, user).id();
        pages = EveryPage.paths(slug, incident, openIncident, postmortem);
        Browser.logIn(driver, uri("/login"), user, "password-123456");
    }

    @Test
    void noPageIsWiderThanAPhone() {
        driver.manage().window().setSize(new Dimension(360, 800));
        List<String> wide = new ArrayList<>();
        for (String page : pages) {
            driver.get(uri(page).toString());
            long width =
                    (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
            long viewport =
                    (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
            if (width > viewport) {
                // The outermost element that sticks out: what to fix, not the leaf inside it.
                String culprit = (String) ((JavascriptExecutor) driver)
                        .executeScript(
                                "const w = document.documentElement.clientWidth; const out = e => e.getBoundingClientRect().right > w + 1;"
                                        + " const name = e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '');"
                                        + " for (const e of document.querySelectorAll('body *')) { if (out(e) && !out(e.parentElement)) {"
                                        + " return name(e.parentElement) + ' > ' + name(e); } } return '';");
                wide.add(page + " is " + width + " px (" + culprit + ")");
            }
        }
        assertThat(wide).as("pages wider than 360 px").isEmpty();
        // The list shows every column on the phone (as cards), none hidden behind a sideways scroll.
        driver.get(uri("/incidents?state=all").toString());
        Boolean scrolls = (Boolean) ((JavascriptExecutor) driver)
                .executeScript("const w = document.getElementById('incident-list').closest('.table-wrap');"
                        + " return w.scrollWidth > w.clientWidth + 1;");
        assertThat(scrolls).as("the incident list scrolls sideways at 360 px").isFalse();
    }

    /** An open incident's first screen: at 1440x900 the alerts and the timeline, on a phone the actions and the next step. */
    @Test
    void theIncidentPageKeepsWhatMattersOnTheFirstScreen() {
        long height = viewport(1440, 900);
        driver.get(uri("/incidents/" + openIncident).toString());
        assertThat(top("#alerts h2")).as("the alerts' heading at 1440x900").isLessThan(height - 40);
        assertThat(top("#timeline-panel h2"))
                .as("the timeline's heading at 1440x900")
                .isLessThan(height - 40);
        assertThat(top("#timeline li"))
                .as("the newest timeline line at 1440x900")
                .isLessThan(height);

        height = viewport(390, 844);
        driver.get(uri("/incidents/" + openIncident).toString());
        assertThat(bottom("#acknowledge")).as("acknowledge on a phone").isLessThan(height);
        assertThat(bottom("#next-step"))
                .as("the runbook's next step on a phone")
                .isLessThan(height);
    }

    /** Sizes the window so the page itself (not the browser's frame) is {@code width x height}. */
    private long viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long inner = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerHeight");
        driver.manage().window().setSize(new Dimension(width, (int) (2L * height - inner)));
        return (Long) ((JavascriptExecutor) driver).executeScript("return window.innerHeight");
    }

    private long top(String selector) {
        return ((Number) ((JavascriptExecutor) driver)
                        .executeScript(
                                "return document.querySelector(arguments[0]).getBoundingClientRect().top", selector))
                .longValue();
    }

    private long bottom(String selector) {
        return ((Number) ((JavascriptExecutor) driver)
                        .executeScript(
                                "return document.querySelector(arguments[0]).getBoundingClientRect().bottom", selector))
                .longValue();
    }

    @Test
    void noPageHasASeriousOrCriticalAccessibilityViolation() throws Exception {
        String axe = Files.readString(axeCore());
        driver.manage().window().setSize(new Dimension(1440, 900));
        List<String> violations = new ArrayList<>();
        for (String page : pages) {
            driver.get(uri(page).toString());
            ((JavascriptExecutor) driver).executeScript(axe);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> found = (List<Map<String, Object>>)
                    ((JavascriptExecutor) driver)
                            .executeAsyncScript(
                                    "const done = arguments[arguments.length - 1];"
                                            + " axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                                            + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                                            + ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));");
            found.forEach(
                    v -> violations.add(page + ": " + v.get("id") + " (" + v.get("impact") + ") " + v.get("nodes")));
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    /** axe.min.js from npm, installed by scripts/axe-core.sh on first use; no npm skips (fails under CI). */
    static Path axeCore() throws IOException, InterruptedException {
        Path file = Path.of("target/axe/node_modules/axe-core/axe.min.js");
        if (!Files.exists(file)) {
            Process install = new ProcessBuilder("bash", "scripts/axe-core.sh")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(install.getInputStream().readAllBytes());
            if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0 || !Files.exists(file)) {
                TestDatabase.Services.missing("axe-core from npm (scripts/axe-core.sh: " + out.strip() + ")");
            }
        }
        return file;
    }
}
