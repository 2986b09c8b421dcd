package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.Browser;
import dev.firebreak.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The analytics page in a real browser: Chart.js from the jar draws under the page's CSP. */
class AnalyticsBrowserIT extends BrowserTest {
    @Test
    void theChartsDrawAndTheFiltersApply() {
        Browser.logIn(driver, uri("/login"), "admin", "admin-password-for-tests");
        driver.get(uri("/analytics").toString());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Analytics");
        wait.until(ExpectedConditions.attributeToBe(By.id("analytics-charts"), "data-drawn", "true"));
        Object chart = ((JavascriptExecutor) driver).executeScript("return typeof Chart");
        assertThat(chart).isEqualTo("function");
        Browser.screenshot(driver, "analytics");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-since"))).selectByValue("7d");
        Browser.clickAndWait(driver, By.cssSelector("#analytics-filters button[type=submit]"));
        assertThat(driver.getCurrentUrl()).contains("since=7d");
        assertThat(driver.findElement(By.id("analytics-csv")).getAttribute("href"))
                .contains("since=7d");
    }
}
