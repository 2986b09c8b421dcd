package dev.firebreak.oncall;

/**
 * Where a person can be reached. Phone and SMS are kept as data for later providers.
 *
 * @param address an email address, a chat handle ({@code @alice} or a member id), an https URL (a
 *     webhook, or an ntfy-style push topic), or a phone number in E.164 form
 */
public record ContactMethod(long id, Kind kind, String address, String label) {
    public enum Kind {
        EMAIL,
        CHAT,
        WEBHOOK,
        /** An ntfy-style topic URL: phone push without a vendor's cloud. */
        PUSH,
        PHONE,
        SMS
    }
}
