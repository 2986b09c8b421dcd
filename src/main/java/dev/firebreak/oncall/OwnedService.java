package dev.firebreak.oncall;

/**
 * A service as the alert route's {@code service} label names it, the team that owns it and the
 * escalation policy its incidents use when the route names none.
 *
 * @param escalationPolicy a policy name, or null
 */
public record OwnedService(String name, String description, String team, String escalationPolicy) {}
