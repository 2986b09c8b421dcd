package dev.firebreak.statuspage;

import dev.firebreak.platform.FirebreakException;
import java.net.URI;
import java.util.Locale;

/** Checks of what people type, with the field at fault and a limit that matches the column. */
final class Inputs {
    private Inputs() {}

    static String slug(String slug) {
        if (slug == null || !slug.matches("[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?")) {
            throw new FirebreakException.BadInput(
                    "slug", "a slug is 1 to 60 lower-case letters, digits and dashes, e.g. 'payments'");
        }
        return slug;
    }

    static String text(String field, String value, int max, boolean required) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                throw new FirebreakException.BadInput(field, field + " is required");
            }
            return null;
        }
        if (text.length() > max) {
            throw new FirebreakException.BadInput(field, field + " is at most " + max + " characters");
        }
        return text;
    }

    static String url(String field, String value) {
        String url = text(field, value, 500, false);
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        try {
            if ((lower.startsWith("https://") || lower.startsWith("http://"))
                    && URI.create(url).getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // the message below says what is wanted
        }
        throw new FirebreakException.BadInput(field, field + " is an http(s) URL");
    }

    /** A value for an error message, cut so an error never echoes a huge input. */
    static String cut(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
