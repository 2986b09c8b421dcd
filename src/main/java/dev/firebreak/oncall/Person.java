package dev.firebreak.oncall;

import dev.firebreak.platform.security.Role;
import java.util.List;

/**
 * A user as on-call sees them: the account's details, their own time zone and their contact
 * methods in the order they want to be tried.
 *
 * @param timeZone an IANA zone id, or null for the server's default ({@code effectiveZone})
 */
public record Person(
        String username,
        String displayName,
        String email,
        Role role,
        boolean enabled,
        String timeZone,
        String effectiveZone,
        List<ContactMethod> contactMethods) {}
