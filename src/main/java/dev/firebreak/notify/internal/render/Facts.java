package dev.firebreak.notify.internal.render;

import dev.firebreak.incident.IncidentState;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What one message knows about its incident, for filling placeholders. Null where unknown; a
 * placeholder whose field is null stays as written.
 *
 * @param previousState the state before the latest change, or null
 * @param responder the person paged, else the one who acknowledged
 * @param update the latest note, else the latest change ("acknowledged by alice")
 */
public record Facts(
        long incidentId,
        String title,
        String severity,
        IncidentState state,
        IncidentState previousState,
        String service,
        String runbook,
        String url,
        Instant openedAt,
        Instant resolvedAt,
        Instant now,
        String responder,
        String commander,
        String communicationsLead,
        String impact,
        String update) {

    /** The placeholder's value in the template's style, or null when the incident has none. */
    String value(Placeholder placeholder) {
        Slot slot = placeholder.slot();
        if (slot == null) {
            return null;
        }
        String value =
                switch (slot) {
                    case SEVERITY -> severity;
                    case TITLE -> title;
                    case STARTED -> time(openedAt);
                    case NOW -> time(now);
                    case RESPONDER -> responder;
                    case COMMANDER -> commander;
                    case COMMUNICATIONS_LEAD -> communicationsLead;
                    case STATE -> state(placeholder);
                    case SERVICE -> service;
                    case RUNBOOK -> runbook;
                    case URL -> url;
                    case INCIDENT_ID -> String.valueOf(incidentId);
                    case IMPACT -> impact;
                    case DURATION -> duration();
                    case UPDATE -> update;
                };
        if (value == null || value.isBlank()) {
            return null;
        }
        boolean person = slot == Slot.RESPONDER || slot == Slot.COMMANDER || slot == Slot.COMMUNICATIONS_LEAD;
        return person && placeholder.form() == Placeholder.Form.MENTION ? "@" + value : value;
    }

    /** UTC, ISO 8601, to the second: 2026-12-02T03:12:04Z. */
    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private String duration() {
        if (openedAt == null) {
            return null;
        }
        Instant end = resolvedAt != null ? resolvedAt : now;
        long minutes = Duration.between(openedAt, end).toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        StringBuilder text = new StringBuilder();
        append(text, days, "day");
        append(text, hours, "hour");
        append(text, rest, "minute");
        return text.toString();
    }

    private static void append(StringBuilder text, long n, String unit) {
        if (n > 0) {
            text.append(text.isEmpty() ? "" : " ")
                    .append(n)
                    .append(' ')
                    .append(unit)
                    .append(n == 1 ? "" : "s");
        }
    }

    /** The state in the template's case; a written transition shows the incident's own. */
    private String state(Placeholder placeholder) {
        if (state == null) {
            return null;
        }
        String raw = placeholder.raw();
        String current = styled(state, raw);
        if (placeholder.form() == Placeholder.Form.STATUS && previousState != null && previousState != state) {
            java.util.regex.Matcher arrow =
                    java.util.regex.Pattern.compile("\\s*(→|->|=>|/|\\|)\\s*").matcher(raw);
            if (arrow.find()) {
                return styled(previousState, raw) + arrow.group() + current;
            }
        }
        return current;
    }

    private static String styled(IncidentState state, String raw) {
        String word = state.name().toLowerCase(Locale.ROOT);
        String letters = raw.replaceAll("[^A-Za-z]", "");
        if (!letters.isEmpty() && letters.equals(letters.toUpperCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        String first = raw.replaceAll("^[^A-Za-z]*", "");
        if (!first.isEmpty() && Character.isUpperCase(first.charAt(0))) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        return word;
    }
}
