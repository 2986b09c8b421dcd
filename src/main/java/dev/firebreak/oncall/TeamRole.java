package dev.firebreak.oncall;

import dev.firebreak.platform.FirebreakException;
import java.util.Locale;

/** A person's role within a team: managers are who a team's escalations end with. */
public enum TeamRole {
    MEMBER,
    MANAGER;

    /** null or blank is {@link #MEMBER}. */
    public static TeamRole parse(String text) {
        if (text == null || text.isBlank()) {
            return MEMBER;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FirebreakException.BadInput("role", "team role must be member or manager, not '" + text + "'");
        }
    }
}
