/**
 * Notify: delivers pages and incident updates. Every message is a ledger row written in the
 * transaction of its cause (an escalation page, an incident's change) and sent from its own
 * db-scheduler lane by exactly one node, with retries, throttles and bundling; providers
 * ({@link dev.firebreak.notify.NotificationProvider}) do one send each and classify its failure.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package dev.firebreak.notify;
