package dev.firebreak.runbook.internal.parse;

import dev.firebreak.runbook.RunbookModel.Contact;
import dev.firebreak.runbook.RunbookModel.Duration;
import dev.firebreak.runbook.RunbookModel.Finding;
import dev.firebreak.runbook.RunbookModel.SeverityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BulletList;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;

/**
 * Severity schemes and contacts written as prose: a bold or heading severity name followed by a
 * list ({@code **SEV-1 (Critical)**} then {@code - Response: Immediate (5 minutes)}), and
 * {@code - **Primary On-Call**: ML Platform Team} lists under contact headings.
 */
final class ProseSchemes {
    private static final Pattern SEVERITY_NAME =
            Pattern.compile("(?i)^(?:sev(?:erity)?[- ]?\\d|p\\d|critical|high|medium|low|major|minor)\\b.*");
    private static final Pattern CODED_NAME = Pattern.compile("(?i)^(?:sev(?:erity)?[- ]?\\d|p\\d)\\b.*");
    private static final Pattern RESPONSE =
            Pattern.compile("(?i)^(?:response(?: time| target| sla)?|sla|target|respond within)\\s*:\\s*(.+)$");
    private static final Pattern CONTACT_HEADING = Pattern.compile("(?i).*\\b(?:contacts?|who to (?:call|page))\\b.*");
    private static final Pattern PAIR = Pattern.compile("^([^:]{1,80}):\\s+(.+)$");

    final List<Located<SeverityLevel>> severityLevels = new ArrayList<>();
    final List<Located<Contact>> contacts = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    /** Looks for severity blocks among the blocks of one heading. */
    void readSeverities(Outline.Part part) {
        List<Node> blocks = part.blocks;
        if (SEVERITY_NAME.matcher(part.title).matches()
                && !blocks.isEmpty()
                && blocks.get(0) instanceof BulletList list) {
            severity(part.title, list);
        }
        for (int i = 0; i + 1 < blocks.size(); i++) {
            BoldLabel label = BoldLabel.of(blocks.get(i));
            if (label != null
                    && label.heading()
                    && SEVERITY_NAME.matcher(label.label()).matches()
                    && blocks.get(i + 1) instanceof BulletList list) {
                severity(label.label(), list);
            }
        }
    }

    private void severity(String title, ListBlock list) {
        Duration response = null;
        List<String> description = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String text = MarkdownTree.text(item);
            Matcher m = RESPONSE.matcher(text);
            if (m.matches() && response == null) {
                response = DurationPhrase.of(m.group(1));
            } else {
                description.add(text);
            }
        }
        if (response == null && !CODED_NAME.matcher(title).matches()) {
            return;
        }
        String[] nameAndLabel = Tables.nameAndLabel(title);
        severityLevels.add(new Located<>(
                MarkdownTree.line(list),
                new SeverityLevel(
                        nameAndLabel[0],
                        nameAndLabel[1],
                        description.isEmpty() ? null : String.join("; ", description),
                        response)));
    }

    /** Reads "topic: contact" list items under a contact heading (and its subheadings). */
    void readContacts(Outline.Part part) {
        Outline.Part contactHeading = null;
        for (Outline.Part p = part; p != null; p = p.parent) {
            if (CONTACT_HEADING.matcher(p.title).matches()) {
                contactHeading = p;
                break;
            }
        }
        if (contactHeading == null) {
            return;
        }
        for (Node block : part.blocks) {
            if (!(block instanceof BulletList) && !(block instanceof OrderedList)) {
                continue;
            }
            for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item.getFirstChild() instanceof Paragraph p)) {
                    continue;
                }
                BoldLabel label = BoldLabel.of(p);
                String topic;
                String contact;
                if (label != null && !label.rest().isEmpty()) {
                    topic = label.label();
                    contact = label.rest();
                } else {
                    Matcher m = PAIR.matcher(MarkdownTree.text(p));
                    if (!m.matches()) {
                        continue;
                    }
                    topic = m.group(1).strip();
                    contact = m.group(2).strip();
                }
                if (part != contactHeading) {
                    topic = part.title + " (" + topic + ")";
                }
                Duration response = DurationPhrase.seconds(contact) == null ? null : DurationPhrase.of(contact);
                contacts.add(new Located<>(MarkdownTree.line(item), new Contact(topic, contact, response)));
                MetadataLines.placeholder("contact", contact, MarkdownTree.line(item))
                        .ifPresent(findings::add);
            }
        }
    }
}
