/**
 * After the incident: a postmortem drafted from the resolved incident's typed timeline and its
 * runbook's postmortem template, edited with a version check, exported as Markdown and PDF; action
 * items with owners and due dates, reminded when overdue, and closed by a new runbook version.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Postmortems")
package dev.firebreak.postmortem;
