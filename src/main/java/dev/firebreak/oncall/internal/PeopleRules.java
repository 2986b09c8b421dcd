package dev.firebreak.oncall.internal;

import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.EmailAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of what people type in: zones, contact addresses, team and service names. Pure. */
public final class PeopleRules {
    /** Letters, digits and {@code . _ - :} and spaces inside, as team and service names are in the wild. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9 ._:-]{0,98}[A-Za-z0-9._:-])?");

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    /** Spaces, dashes, dots and brackets people write in phone numbers. */
    private static final Pattern LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}|\\[::1]|localhost");

    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().-]");

    public static final int MAX_LABEL = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_URL = 2000;
    public static final int MAX_CHAT = 200;

    private PeopleRules() {}

    /** An IANA zone; region ids only, so "CET" or "+02:00" do not slip in where DST matters. */
    public static ZoneId zone(String text) {
        String id = text == null ? "" : text.strip();
        if (id.isEmpty()) {
            throw new FirebreakException.BadInput(
                    "timeZone", "time zone is empty: use an IANA name such as Europe/Berlin");
        }
        try {
            ZoneId zone = ZoneId.of(id);
            if (!zone.getId().contains("/") && !zone.getId().equals("UTC")) {
                throw new DateTimeException("not a region");
            }
            return zone;
        } catch (DateTimeException e) {
            throw new FirebreakException.BadInput(
                    "timeZone", "unknown time zone '" + text + "': use an IANA name such as Europe/Berlin or UTC");
        }
    }

    /** The address as it is stored: stripped, phone numbers without punctuation. */
    public static String address(ContactMethod.Kind kind, String text) {
        if (kind == null) {
            throw new FirebreakException.BadInput("kind", "kind must be one of email, chat, webhook, phone, sms");
        }
        String address = text == null ? "" : text.strip();
        return switch (kind) {
            case EMAIL -> EmailAddress.check("address", address);
            case CHAT -> chat(address);
            case WEBHOOK, PUSH -> webhook(address);
            case PHONE, SMS -> phone(address);
        };
    }

    public static ContactMethod.Kind kind(String text) {
        try {
            return ContactMethod.Kind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new FirebreakException.BadInput(
                    "kind", "kind must be one of email, chat, webhook, phone, sms, not '" + text + "'");
        }
    }

    /** A team's or a service's name; {@code what} is "team" or "service". */
    public static String name(String what, String text) {
        return name("name", what, text);
    }

    public static String name(String field, String what, String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty()) {
            throw new FirebreakException.BadInput(field, "a " + what + " needs a name");
        }
        if (!NAME.matcher(name).matches()) {
            throw new FirebreakException.BadInput(
                    field,
                    what + " name '" + text + "' must be 1-100 letters, digits, spaces or . _ - :"
                            + " and start with a letter or digit");
        }
        return name;
    }

    /** Optional free text: null or blank is none. */
    public static String text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new FirebreakException.BadInput(field, field + " is longer than " + max + " characters");
        }
        return stripped;
    }

    private static String chat(String handle) {
        if (handle.isEmpty()) {
            throw new FirebreakException.BadInput(
                    "address", "chat handle is empty: give @alice or a member id such as U012AB3CD");
        }
        if (handle.length() > MAX_CHAT || handle.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
            throw new FirebreakException.BadInput(
                    "address",
                    "chat handle '" + handle + "' must be one word of at most " + MAX_CHAT
                            + " characters, such as @alice or U012AB3CD");
        }
        return handle;
    }

    private static String webhook(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new FirebreakException.BadInput("address", "'" + url + "' is not a URL");
        }
        if (url.length() > MAX_URL) {
            throw new FirebreakException.BadInput("address", "webhook URL is longer than " + MAX_URL + " characters");
        }
        // Pages carry incident details: only over TLS (plain http only to this machine, which notify's
        // network policy refuses unless an admin allowed loopback), and no passwords in the URL itself.
        boolean loopback =
                uri.getHost() != null && LOOPBACK.matcher(uri.getHost()).matches();
        if (!("https".equalsIgnoreCase(uri.getScheme()) || ("http".equalsIgnoreCase(uri.getScheme()) && loopback))
                || uri.getHost() == null
                || uri.getHost().isEmpty()) {
            throw new FirebreakException.BadInput("address", "webhook URL must be https://host/..., not '" + url + "'");
        }
        if (uri.getUserInfo() != null) {
            throw new FirebreakException.BadInput("address", "webhook URL must not contain a user name or password");
        }
        return url;
    }

    private static String phone(String text) {
        String number = PHONE_PUNCTUATION.matcher(text).replaceAll("");
        if (!E164.matcher(number).matches()) {
            throw new FirebreakException.BadInput(
                    "address",
                    "'" + text
                            + "' is not a phone number in E.164 form: + country code and number, such as +4930123456");
        }
        return number;
    }
}
