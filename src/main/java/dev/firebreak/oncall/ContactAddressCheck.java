package dev.firebreak.oncall;

/**
 * A check of a contact address by the feature that delivers to it (notify's network policy: no
 * webhook to a private address), run before the method is saved, so on-call depends on none of
 * them. Without an implementation every well-formed address is accepted.
 */
public interface ContactAddressCheck {
    /** @throws dev.firebreak.platform.FirebreakException a 400 with the reason, on field "address" */
    void check(ContactMethod.Kind kind, String address);
}
