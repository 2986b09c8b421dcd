/**
 * Incidents: one per alert group, with a state (triggered, acknowledged, resolved), a severity from
 * the runbook's scheme, roles, a timeline of everything that happened, and the matching runbook.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package dev.firebreak.incident;
