/**
 * Alerts: intake (Alertmanager v2 and webhook, PagerDuty Events v2, generic JSON), fingerprints and
 * deduplication, routing, grouping, silences, inhibition and maintenance windows. Other features
 * see alerts through {@link dev.firebreak.alert.Alerts} and the events in this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts")
package dev.firebreak.alert;
