package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a response, escalation or resolution phrase into a duration: "Immediate" is 0 ("Immediate
 * (5 minutes)" is 300), "< 30
 * minutes" 1800, "Next business day" 86400, "Next sprint" has no seconds. Where the phrase holds
 * several values ("< 1 hour (non-critical), Immediate (critical)") the first one counts.
 */
public final class DurationPhrase {
    private static final Pattern VALUE = Pattern.compile("(?<immediate>\\bimmediate(?:ly)?\\b|\\basap\\b|\\bnow\\b)"
            + "|(?<nextday>\\bnext (?:business |working )?day\\b|\\bsame day\\b|\\bend of day\\b|\\beod\\b)"
            + "|(?<nextweek>\\bnext week\\b)"
            + "|(?:(?<n>\\d+(?:\\.\\d+)?)(?:\\s*(?:-|–|to)\\s*(?<upper>\\d+(?:\\.\\d+)?))?|(?<one>\\ban?\\b|\\bone\\b))\\s*"
            + "(?<unit>business days?|working days?|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|"
            + "weeks?|wks?|w|months?|mos?)\\b");

    private static final Pattern MEANT = Pattern.compile("\\s*\\(([^()]*)\\)");

    private DurationPhrase() {}

    /** The duration of a phrase, or null when the phrase is blank. */
    public static Duration of(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return null;
        }
        String text = phrase.strip();
        return new Duration(text, seconds(text));
    }

    /** Seconds of the first value in the phrase, or null when it names no time. */
    static Long seconds(String text) {
        Matcher m = VALUE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return null;
        }
        if (m.group("immediate") != null) {
            // "Immediate (5 minutes)" (seed 002): the parenthesis says what immediate means.
            Matcher meant = MEANT.matcher(text.substring(m.end()));
            if (meant.lookingAt()) {
                Long inner = seconds(meant.group(1));
                if (inner != null && inner > 0) {
                    return inner;
                }
            }
            return 0L;
        }
        if (m.group("nextday") != null) {
            return 86_400L;
        }
        if (m.group("nextweek") != null) {
            return 604_800L;
        }
        String number = m.group("upper") != null ? m.group("upper") : m.group("n");
        double n = number == null ? 1 : Double.parseDouble(number);
        return Math.round(n * unitSeconds(m.group("unit")));
    }

    private static long unitSeconds(String unit) {
        if (unit.startsWith("business") || unit.startsWith("working") || unit.startsWith("d")) {
            return 86_400L;
        }
        if (unit.startsWith("mo")) {
            return 2_592_000L;
        }
        if (unit.startsWith("mi") || unit.equals("m")) {
            return 60L;
        }
        if (unit.startsWith("s")) {
            return 1L;
        }
        if (unit.startsWith("h")) {
            return 3_600L;
        }
        return 604_800L; // weeks
    }
}
