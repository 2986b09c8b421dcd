package dev.firebreak.notify.internal.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words runbooks use for incident fields: placeholder texts ({@code [Brief description]}) and
 * line labels ({@code Owner:}). Matching is on lower-case words, punctuation ignored.
 */
final class Vocabulary {
    private static final Map<Slot, Pattern> TEXTS = new LinkedHashMap<>();
    private static final Map<Slot, Set<String>> LABELS = new LinkedHashMap<>();
    // Labels whose value no incident field holds: the label decides, the placeholder's words do not.
    private static final Set<String> NO_FIELD = Set.of(
            "root cause",
            "cause",
            "resolution",
            "fix",
            "eta",
            "next step",
            "next steps",
            "next update",
            "prevention",
            "follow up",
            "followup",
            "post mortem",
            "postmortem",
            "post mortem scheduled for",
            "sme",
            "actions taken",
            "action taken",
            "workaround",
            "mitigation",
            "customer communication");
    // Bracketed all-caps tags that are a template's words, not blanks: "[RESOLVED] Checkout down".
    private static final Set<String> TAGS = Set.of(
            "resolved",
            "update",
            "incident",
            "alert",
            "warning",
            "info",
            "fyi",
            "urgent",
            "action required",
            "test",
            "draft",
            "ongoing",
            "closed",
            "open",
            "investigating",
            "identified",
            "monitoring");

    static {
        text(Slot.SEVERITY, "(sev(erity)?|priority|p)( (x|n|level|\\d( \\d)?))?|sev level|level");
        text(
                Slot.TITLE,
                "((brief|short|one line) )?(description|summary|title)|(incident|issue|alert|problem)"
                        + "( (title|name|summary|description))?|brief description of (the )?(issue|incident|problem)");
        text(
                Slot.STARTED,
                "(start(ed)?|began|opened|detected)( (at|time|timestamp|date))?|timestamp|incident start"
                        + "|time started|start date time");
        text(Slot.NOW, "now|current (time|date|timestamp)|date|time|date time|date and time|update time");
        text(
                Slot.RESPONDER,
                "((on ?call|primary)( engineer| person| responder| name)?)|owner|current owner|assignee|responder"
                        + "|engineer|your name|name|you|me|username|user|handle|acknowledged by|paged person");
        text(Slot.COMMANDER, "ic( name)?|incident commander|commander( name)?");
        text(Slot.COMMUNICATIONS_LEAD, "comms( lead)?|communications lead");
        text(Slot.STATE, "status|state|current (status|state)|incident status");
        text(Slot.SERVICE, "service( name)?|affected services?|component|system|application");
        text(Slot.RUNBOOK, "runbook|playbook|runbook (link|url)");
        text(
                Slot.URL,
                "link|url|incident (link|url|page)|link to (the )?incident( report| page)?|incident report"
                        + "( link)?");
        text(Slot.INCIDENT_ID, "incident (id|number|key|no)|id");
        text(
                Slot.IMPACT,
                "((user|customer|business) )?impact( (description|summary|details))?|detailed impact description");
        text(
                Slot.DURATION,
                "duration|total (time|duration)|time to resolve|elapsed( time)?|x (hours?|hrs?|h)( and)? y"
                        + " (minutes?|mins?|m)");
        text(Slot.UPDATE, "update|latest update|what was discovered( attempted)?|progress|current update");

        label(Slot.SEVERITY, "severity", "sev", "priority", "level", "severity level");
        label(Slot.TITLE, "issue", "title", "summary", "incident", "description", "problem", "subject", "alert");
        label(Slot.STARTED, "started", "start", "start time", "started at", "began", "opened", "detected", "since");
        label(Slot.NOW, "time", "date", "updated", "last updated", "as of", "update time", "timestamp");
        label(
                Slot.RESPONDER,
                "owner",
                "current owner",
                "on call",
                "oncall",
                "on call engineer",
                "assignee",
                "assigned to",
                "responder",
                "engineer",
                "acknowledged by",
                "primary");
        label(Slot.COMMANDER, "ic", "incident commander", "commander");
        label(Slot.COMMUNICATIONS_LEAD, "comms", "comms lead", "communications lead", "communications");
        label(Slot.STATE, "status", "state", "incident status", "current state", "current status");
        label(Slot.SERVICE, "service", "services", "affected service", "affected services", "component", "system");
        label(Slot.RUNBOOK, "runbook", "playbook");
        label(Slot.URL, "link", "url", "incident link", "incident url", "details", "incident page");
        label(Slot.INCIDENT_ID, "incident id", "id", "incident number");
        label(Slot.IMPACT, "impact", "user impact", "customer impact", "business impact");
        label(Slot.DURATION, "duration", "total time", "time to resolve", "elapsed");
        label(Slot.UPDATE, "update", "latest update", "progress");
    }

    private Vocabulary() {}

    /** What a line's label says its value is. */
    sealed interface Meaning {
        /** A label this vocabulary does not know: the placeholder's own words decide. */
        record Unknown() implements Meaning {}

        /** The label names a field ({@code Owner}) or names something no field holds ({@code slot} null). */
        record Known(Slot slot) implements Meaning {}
    }

    static Meaning label(String label) {
        String words = words(label);
        if (NO_FIELD.contains(words)) {
            return new Meaning.Known(null);
        }
        for (Map.Entry<Slot, Set<String>> e : LABELS.entrySet()) {
            if (e.getValue().contains(words)) {
                return new Meaning.Known(e.getKey());
            }
        }
        return new Meaning.Unknown();
    }

    /** The field a placeholder's words name ({@code Brief description}: the title), if any. */
    static Optional<Slot> text(String text) {
        String words = words(text);
        for (Map.Entry<Slot, Pattern> e : TEXTS.entrySet()) {
            if (e.getValue().matcher(words).matches()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    static boolean tag(String bracketed) {
        return bracketed.equals(bracketed.toUpperCase(Locale.ROOT)) && TAGS.contains(words(bracketed));
    }

    static String words(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace("'", "")
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
    }

    private static void text(Slot slot, String regex) {
        TEXTS.put(slot, Pattern.compile("(?:" + regex + ")"));
    }

    private static void label(Slot slot, String... labels) {
        LABELS.put(slot, Set.copyOf(List.of(labels)));
    }
}
