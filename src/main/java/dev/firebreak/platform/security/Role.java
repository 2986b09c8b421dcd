package dev.firebreak.platform.security;

import java.util.Locale;

/** What a person may do: viewers read, responders act on incidents and runbooks, admins manage. */
public enum Role {
    VIEWER,
    RESPONDER,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new dev.firebreak.platform.FirebreakException.BadInput(
                    "role", "role must be one of viewer, responder, admin, not '" + text + "'");
        }
    }
}
