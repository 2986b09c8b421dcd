/**
 * Runbooks: the typed model of a Markdown runbook, its parser and linter, and the versioned,
 * searchable library. This package is the module's API; the rest lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Runbooks")
package dev.firebreak.runbook;
