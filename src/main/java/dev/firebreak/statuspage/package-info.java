/**
 * Status pages: a public, unauthenticated page per service group with its components' state, the
 * public incidents and scheduled maintenance a person writes for it, 90-day uptime bars, an Atom
 * feed, Statuspage.io-shaped JSON, and subscribers by email or webhook (double opt-in, one-click
 * unsubscribe) reached through notify's ledger. Public incidents are the status page's own copy:
 * nothing of the internal incident (title, labels, notes, people, runbook) is shown.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Status page")
package dev.firebreak.statuspage;
