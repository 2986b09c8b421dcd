package dev.firebreak.alert;

/**
 * A route's {@code escalation_policy}, where the routing YAML names it.
 *
 * @param route the route's path in the tree ("0" the root, "0.1" its second child)
 * @param line the 1-based line of the YAML that names the policy
 */
public record PolicyReference(String route, int line, String policy) {}
