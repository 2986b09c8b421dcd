package dev.firebreak.notify.internal.render;

import dev.firebreak.notify.internal.render.Placeholder.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the placeholders of a template body, line by line, and the incident field each stands for.
 * A line's label ({@code Owner: [Current owner]}) decides when the placeholder is its whole value;
 * otherwise the placeholder's own words do. Nothing here runs anything: {@code $(...)} is text.
 */
public final class TemplateScanner {
    private static final Pattern LABELLED = Pattern.compile(
            "^[ \\t]*(?:[-*•][ \\t]+)?([A-Za-z][A-Za-z0-9 /&'()._-]{0,40}?)[ \\t]*:[ \\t]*(\\S.*?)[ \\t]*$");
    private static final Pattern TOKENS = Pattern.compile("(?<!\\])\\[([^\\[\\]\\n]{1,80})\\](?![(\\[])"
            + "|<([A-Za-z][\\w .\\-/]{0,60})>"
            + "|\\{\\{[ \\t]*([^{}\\n]{1,60}?)[ \\t]*\\}\\}"
            + "|\\$\\{([^{}\\n]{1,60})\\}"
            + "|\\$([A-Z][A-Z0-9_]{1,40})\\b"
            + "|(\\$\\()"
            + "|(?<![\\w@.])@([A-Za-z][\\w.-]*[A-Za-z0-9])");
    // A mention that names nobody yet: @your-name, @sme-name, @name.
    private static final Pattern BLANK_HANDLE = Pattern.compile(
            "((your|my|their|sme|ic|on ?call|owner|commander|responder|engineer|lead|user|team|person) )?"
                    + "(name|handle|username)|you|me|someone");
    private static final Pattern PHRASE = Pattern.compile("(?i)(?:(?:brief|short|detailed|full|one[- ]line)\\s+)"
            + "(?:\\w+\\s+)?description|date\\s*/\\s*time|date and time|link to\\b.*"
            + "|x\\s*(?:hours?|hrs?|h)\\s*(?:and\\s*)?y\\s*(?:minutes?|mins?|m)|steps taken to\\b.*"
            + "|(?:insert|enter|fill in)\\b.*");
    private static final String STATUS_WORD =
            "(?:investigating|identified|monitoring|mitigated|mitigating|resolved|triggered|acknowledged|open"
                    + "|ongoing|closed|active|fixing|fixed)";
    private static final Pattern STATUS =
            Pattern.compile("(?i)" + STATUS_WORD + "(?:\\s*(?:→|->|=>|/|\\||\\bto\\b)\\s*" + STATUS_WORD + ")*");
    private static final Set<String> HTML = Set.of(
            "a",
            "b",
            "i",
            "u",
            "p",
            "br",
            "hr",
            "em",
            "strong",
            "code",
            "pre",
            "div",
            "span",
            "ul",
            "ol",
            "li",
            "small",
            "sub",
            "sup",
            "table",
            "tr",
            "td",
            "th",
            "h1",
            "h2",
            "h3",
            "h4",
            "blockquote");

    private TemplateScanner() {}

    public static List<Placeholder> scan(String body) {
        List<Placeholder> found = new ArrayList<>();
        int offset = 0;
        for (String line : body.split("\n", -1)) {
            scanLine(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line, offset, found);
            offset += line.length() + 1;
        }
        return found;
    }

    private static void scanLine(String line, int offset, List<Placeholder> found) {
        Matcher labelled = LABELLED.matcher(line);
        boolean hasLabel = labelled.matches();
        Vocabulary.Meaning meaning = hasLabel ? Vocabulary.label(labelled.group(1)) : new Vocabulary.Meaning.Unknown();
        int valueStart = hasLabel ? labelled.start(2) : -1;
        int valueEnd = hasLabel ? labelled.end(2) : -1;
        List<Placeholder> own = new ArrayList<>();
        Matcher m = TOKENS.matcher(line);
        int from = 0;
        while (from < line.length() && m.find(from)) {
            int start = m.start();
            int end = m.end();
            Form form;
            String inner;
            if (m.group(6) != null) {
                end = commandEnd(line, m.end());
                form = Form.COMMAND;
                inner = line.substring(m.end(), Math.max(m.end(), end - (line.charAt(end - 1) == ')' ? 1 : 0)));
            } else if (m.group(1) != null) {
                form = Form.BRACKET;
                inner = m.group(1);
                if (inner.isBlank() || inner.strip().equalsIgnoreCase("x") || Vocabulary.tag(inner.strip())) {
                    from = end;
                    continue;
                }
            } else if (m.group(2) != null) {
                form = Form.ANGLE;
                inner = m.group(2);
                if (HTML.contains(inner.replace("/", "").strip().toLowerCase(java.util.Locale.ROOT))) {
                    from = end;
                    continue;
                }
            } else if (m.group(3) != null) {
                form = Form.MUSTACHE;
                inner = m.group(3);
            } else if (m.group(4) != null || m.group(5) != null) {
                form = Form.VARIABLE;
                inner = m.group(4) != null ? m.group(4) : m.group(5);
            } else {
                inner = m.group(7);
                form = Form.MENTION;
                if (!BLANK_HANDLE.matcher(Vocabulary.words(inner)).matches()) {
                    from = end;
                    continue;
                }
            }
            boolean whole = start == valueStart && end == valueEnd;
            own.add(new Placeholder(
                    offset + start, offset + end, line.substring(start, end), form, slot(form, inner, meaning, whole)));
            from = end;
        }
        if (hasLabel && own.isEmpty()) {
            String value = labelled.group(2);
            if (meaning instanceof Vocabulary.Meaning.Known known
                    && known.slot() == Slot.STATE
                    && STATUS.matcher(value).matches()) {
                own.add(new Placeholder(offset + valueStart, offset + valueEnd, value, Form.STATUS, Slot.STATE));
            } else if (PHRASE.matcher(value).matches()) {
                own.add(new Placeholder(
                        offset + valueStart,
                        offset + valueEnd,
                        value,
                        Form.PHRASE,
                        slot(Form.PHRASE, value, meaning, true)));
            }
        }
        found.addAll(own);
    }

    private static Slot slot(Form form, String inner, Vocabulary.Meaning meaning, boolean whole) {
        if (form == Form.COMMAND) {
            // Only the clock is known without running anything; any other command's output is not.
            if (!Vocabulary.words(inner).matches("date( .*)?")) {
                return null;
            }
            return whole && meaning instanceof Vocabulary.Meaning.Known k && k.slot() == Slot.STARTED
                    ? Slot.STARTED
                    : Slot.NOW;
        }
        if (whole && meaning instanceof Vocabulary.Meaning.Known known) {
            return known.slot();
        }
        return Vocabulary.text(inner).orElse(null);
    }

    /** Just past the parenthesis closing {@code $(} at {@code from}, or the line's end when none does. */
    private static int commandEnd(String line, int from) {
        int depth = 1;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return line.length();
    }
}
