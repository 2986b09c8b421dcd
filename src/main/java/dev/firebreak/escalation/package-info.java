/**
 * Escalation: policies (ordered steps per severity, repeats, acknowledgement timeout), created by
 * hand or from a runbook's escalation matrix, and the per-incident engine that decides who is paged
 * and when, on durable db-scheduler timers. Pages are rows handed to notify.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package dev.firebreak.escalation;
