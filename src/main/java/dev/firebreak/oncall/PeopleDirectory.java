package dev.firebreak.oncall;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** How other features (escalation, notify) read people, teams and services. Read only. */
public interface PeopleDirectory {
    boolean userExists(String username);

    /** Whether the user exists and may log in; a disabled user should not be paged. */
    default boolean userEnabled(String username) {
        return userExists(username);
    }

    /** The user's own zone, else the server's default. */
    ZoneId zoneOf(String username);

    List<ContactMethod> contactMethods(String username);

    boolean teamExists(String team);

    /** Members of a team in the order they were added; empty for an unknown team. */
    List<String> teamMembers(String team);

    /** The team that owns a service (the route's {@code service}), if the service is known. */
    Optional<String> serviceTeam(String service);

    /** The escalation policy a service names, if any; the route's own policy comes first. */
    Optional<String> serviceEscalationPolicy(String service);
}
