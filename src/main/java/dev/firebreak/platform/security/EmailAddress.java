package dev.firebreak.platform.security;

import dev.firebreak.platform.FirebreakException;
import java.util.regex.Pattern;

/** The one check of an email address: a user's own and an email contact method alike. */
public final class EmailAddress {
    /** Deliberately loose (RFC 5322 allows far more): one @, no spaces, a dot in the domain. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    static final int MAX = 320;

    private EmailAddress() {}

    /** The stripped address, or BadInput naming {@code field}. */
    public static String check(String field, String text) {
        String address = text == null ? "" : text.strip();
        if (address.isEmpty()) {
            throw new FirebreakException.BadInput(
                    field, field + " is empty: give an address such as alice@example.com");
        }
        if (address.length() > MAX || !EMAIL.matcher(address).matches()) {
            throw new FirebreakException.BadInput(
                    field, "'" + text + "' is not an email address such as alice@example.com");
        }
        return address;
    }
}
