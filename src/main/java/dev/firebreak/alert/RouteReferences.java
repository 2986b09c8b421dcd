package dev.firebreak.alert;

import java.util.Optional;

/**
 * What routes may name, checked when a routing configuration is saved. Implemented by the features
 * that own the names (escalation owns policies), so that alerts depend on none of them; without an
 * implementation every name is accepted.
 */
public interface RouteReferences {
    /** Why a route may not name this escalation policy (it does not exist, ...), or empty when it may. */
    Optional<String> problemWithPolicy(String name);
}
