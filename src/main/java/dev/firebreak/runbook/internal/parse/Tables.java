package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.Classification;
import dev.firebreak.runbook.RunbookModel.Contact;
import dev.firebreak.runbook.RunbookModel.EscalationStep;
import dev.firebreak.runbook.RunbookModel.Finding;
import dev.firebreak.runbook.RunbookModel.SeverityLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

/**
 * GFM tables read by their header: an escalation matrix (severity and escalation path), a contact
 * table, a classification table (failure type to severity and response) or a severity scheme.
 */
final class Tables {
    private static final Pattern SEVERITY = Pattern.compile("severity|level|priority|\\bsev\\b|urgency");
    private static final Pattern PATH = Pattern.compile("path|chain|escalate to|route");
    private static final Pattern RESPONSE = Pattern.compile("response|\\bsla\\b|initial|acknowledge|\\back\\b|target");
    private static final Pattern ESCALATE_AFTER =
            Pattern.compile("escalat\\w* (?:time|after|at|if|within)|escalate after");
    private static final Pattern CONTACT =
            Pattern.compile("contact|owner|\\bteam\\b|\\bwho\\b|slack|e-?mail|phone|channel|person|on-?call|pager");
    private static final Pattern CATEGORY = Pattern.compile(
            "type|category|issue|failure|incident|alert|scenario|component|area|service|condition|problem|topic");
    private static final Pattern DESCRIPTION =
            Pattern.compile("description|impact|definition|criteria|meaning|examples?");
    private static final Pattern ESCALATION = Pattern.compile("escalat");
    private static final Pattern ARROW = Pattern.compile("\\s*(?:->|→|=>|⇒|➜|➔|>>|â†’)\\s*");
    private static final Pattern LEVEL = Pattern.compile("^(.+?)\\s*(?:[-–—:]\\s+|\\()\\s*([^)]+?)\\)?$");

    final List<Located<SeverityLevel>> severityLevels = new ArrayList<>();
    final List<EscalationStep> escalationMatrix = new ArrayList<>();
    final List<Classification> classifications = new ArrayList<>();
    final List<Located<Contact>> contacts = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    void read(TableBlock table) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (TableRow row : MarkdownTree.all(table, TableRow.class)) {
            List<String> cells = new ArrayList<>();
            for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof TableCell cell) {
                    cells.add(MarkdownTree.text(cell));
                }
            }
            if (row.getParent() instanceof TableHead) {
                cells.forEach(h -> header.add(h.toLowerCase(Locale.ROOT)));
            } else {
                rows.add(cells);
                lines.add(MarkdownTree.line(row));
            }
        }
        int sev = column(header, SEVERITY, -1);
        int path = column(header, PATH, -1);
        int after = column(header, ESCALATE_AFTER, -1);
        int response = column(header, RESPONSE, after);
        int contact = column(header, CONTACT, path);
        int category = column(header, CATEGORY, sev);
        int description = column(header, DESCRIPTION, -1);
        if (sev >= 0 && path >= 0) {
            for (List<String> r : rows) {
                List<String> steps = Arrays.stream(ARROW.split(cell(r, path)))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
                escalationMatrix.add(new EscalationStep(
                        cell(r, sev), DurationPhrase.of(cell(r, response)), DurationPhrase.of(cell(r, after)), steps));
            }
        } else if (contact >= 0) {
            int topic = category >= 0 && category != contact ? category : (contact == 0 ? 1 : 0);
            for (int i = 0; i < rows.size(); i++) {
                List<String> r = rows.get(i);
                contacts.add(new Located<>(
                        lines.get(i),
                        new Contact(cell(r, topic), cell(r, contact), DurationPhrase.of(cell(r, response)))));
                MetadataLines.placeholder("contact", cell(r, contact), lines.get(i))
                        .ifPresent(findings::add);
            }
        } else if (category >= 0 && (sev >= 0 || response >= 0)) {
            int escalation = column(header, ESCALATION, -1);
            for (List<String> r : rows) {
                classifications.add(new Classification(
                        cell(r, category),
                        blankToNull(cell(r, sev)),
                        DurationPhrase.of(cell(r, response)),
                        blankToNull(cell(r, escalation))));
            }
        } else if (sev >= 0 && (description >= 0 || response >= 0)) {
            for (int i = 0; i < rows.size(); i++) {
                List<String> r = rows.get(i);
                String[] nameAndLabel = nameAndLabel(cell(r, sev));
                severityLevels.add(new Located<>(
                        lines.get(i),
                        new SeverityLevel(
                                nameAndLabel[0],
                                nameAndLabel[1],
                                blankToNull(cell(r, description)),
                                DurationPhrase.of(cell(r, response)))));
            }
        }
    }

    /** "P0 - Critical" and "SEV-1 (Critical)" give name and label; "Critical" only a name. */
    static String[] nameAndLabel(String text) {
        var m = LEVEL.matcher(text.strip());
        if (m.matches()) {
            return new String[] {m.group(1).strip(), m.group(2).strip()};
        }
        return new String[] {text.strip(), null};
    }

    private static int column(List<String> header, Pattern pattern, int except) {
        for (int i = 0; i < header.size(); i++) {
            if (i != except && pattern.matcher(header.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> row, int index) {
        return index >= 0 && index < row.size() ? row.get(index) : "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
