package dev.firebreak.notify.internal.render;

/**
 * One placeholder in a template body.
 *
 * @param start offset of its first character in the body; {@code end}: just past its last
 * @param raw the placeholder as written, which stays in the message when nothing fills it
 * @param slot the incident field it stands for, or null when none does
 */
public record Placeholder(int start, int end, String raw, Form form, Slot slot) {

    /** How it is written. */
    public enum Form {
        /** {@code [SEV-X]} */
        BRACKET,
        /** {@code <incident-key>} */
        ANGLE,
        /** {@code {{severity}}} */
        MUSTACHE,
        /** {@code ${SERVICE}} or {@code $SERVICE} */
        VARIABLE,
        /** {@code $(date -u)}: never run; {@code date} is the time, anything else stays as written */
        COMMAND,
        /** {@code @your-name} */
        MENTION,
        /** A labelled line's whole value in words: {@code Duration: X hours Y minutes} */
        PHRASE,
        /** A status line's example value: {@code Status: INVESTIGATING → IDENTIFIED} */
        STATUS
    }
}
