/**
 * Analytics: time to acknowledge, resolve and detect per incident cycle, counts and frequency per
 * service, severity, team and runbook, repeats, targets met, pages per person and out of hours, and
 * the noisiest alerts. Each feature computes its own numbers in SQL; this feature only composes them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package dev.firebreak.analytics;
