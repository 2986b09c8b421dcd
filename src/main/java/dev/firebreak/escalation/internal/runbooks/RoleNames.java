package dev.firebreak.escalation.internal.runbooks;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a runbook's role names are matched to mappings: "On-call", "oncall" and "On Call" are one
 * role, as are "Primary" and " primary ". The display form is kept as written elsewhere.
 */
public final class RoleNames {
    private RoleNames() {}

    /**
     * Case-folded letters and digits only: spaces, hyphens and other punctuation are dropped, so
     * spelling variants of one role share a key.
     */
    public static String key(String role) {
        if (role == null) {
            return "";
        }
        String folded = Normalizer.normalize(role, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    /** The role as it should be shown: trimmed, inner whitespace collapsed, trailing punctuation dropped. */
    public static String display(String role) {
        if (role == null) {
            return "";
        }
        return role.strip().replaceAll("\\s+", " ").replaceAll("[.,;:]+$", "").strip();
    }
}
