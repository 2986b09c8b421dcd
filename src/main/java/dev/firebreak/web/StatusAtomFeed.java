package dev.firebreak.web;

import dev.firebreak.statuspage.PageView;
import dev.firebreak.statuspage.PublicIncident;
import dev.firebreak.statuspage.PublicUpdate;
import dev.firebreak.statuspage.StatuspageJson;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A page's history as an Atom feed (RFC 4287): one entry per update of a public incident or
 * maintenance, newest first, at most 50. Only the status page's own words.
 */
@Component
class StatusAtomFeed {
    private static final int ENTRIES = 50;
    private final StatuspageJson json;

    StatusAtomFeed(StatuspageJson json) {
        this.json = json;
    }

    private record Entry(PublicIncident incident, PublicUpdate update) {}

    String render(PageView view) {
        String url = json.pageUrl(view.page());
        List<Entry> entries = new ArrayList<>();
        for (PublicIncident incident : view.incidents()) {
            for (PublicUpdate update : incident.updates()) {
                entries.add(new Entry(incident, update));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.update().createdAt()).reversed());
        List<Entry> shown = entries.size() > ENTRIES ? entries.subList(0, ENTRIES) : entries;
        Instant updated = shown.isEmpty()
                ? view.page().updatedAt()
                : shown.getFirst().update().createdAt();
        StringBuilder out = new StringBuilder(4096);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n")
                .append("  <id>")
                .append(xml(url))
                .append("</id>\n")
                .append("  <title>")
                .append(xml(view.page().name()))
                .append(" status history</title>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(xml(url))
                .append("\"/>\n")
                .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(xml(url + "/history.atom"))
                .append("\"/>\n")
                .append("  <updated>")
                .append(time(updated))
                .append("</updated>\n")
                .append("  <author><name>")
                .append(xml(view.page().name()))
                .append("</name></author>\n");
        for (Entry entry : shown) {
            PublicIncident incident = entry.incident();
            PublicUpdate update = entry.update();
            String link = url + "#incident-" + incident.publicId();
            out.append("  <entry>\n")
                    .append("    <id>")
                    .append(xml(url + "/updates/" + update.publicId()))
                    .append("</id>\n")
                    .append("    <title>")
                    .append(xml(incident.name() + " – " + update.status().label()))
                    .append("</title>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
                    .append(xml(link))
                    .append("\"/>\n")
                    .append("    <published>")
                    .append(time(update.createdAt()))
                    .append("</published>\n")
                    .append("    <updated>")
                    .append(time(update.createdAt()))
                    .append("</updated>\n")
                    .append("    <content type=\"text\">")
                    .append(xml(update.status().label() + ": " + update.body()))
                    .append("</content>\n")
                    .append("  </entry>\n");
        }
        return out.append("</feed>\n").toString();
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** Escaped, and without the control characters XML 1.0 cannot carry at all. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
