package dev.firebreak.postmortem;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookMarkdown;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Postmortem Markdown as HTML and PDF. Raw HTML is escaped and only http, https and mailto links
 * survive (no javascript: or data:); an allow-list cleaner then checks the result again. The PDF
 * never fetches anything: images become their alt text.
 */
@Component
public class PostmortemHtml {
    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), AutolinkExtension.create(), TaskListItemsExtension.create());
    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("input", "hr", "del")
            .addAttributes("input", "type", "checked", "disabled")
            .addAttributes(":all", "class")
            .preserveRelativeLinks(true);
    // A review is prose and tables: far below the parser's own limit, which deeper text reaches as a flat paragraph.
    private static final int MAX_DEPTH = 64;
    private final Parser parser = RunbookMarkdown.parser(EXTENSIONS);
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .build();

    /** Throws {@link FirebreakException.BadInput} for text nested too deeply to render. */
    public String render(String markdown) {
        Node document = parse(markdown);
        // Relative links (the runbook, the incident) stay relative; the base only lets the cleaner read them.
        return Jsoup.clean(renderer.render(document), "http://firebreak.invalid/", SAFE);
    }

    /** Refuses Markdown the renderer could not walk: nesting beyond the runbook limits. */
    void check(String markdown) {
        parse(markdown);
    }

    byte[] pdf(String title, String markdown) {
        Document page = Jsoup.parse("<html><head><meta charset=\"utf-8\"><title></title><style>" + CSS
                + "</style></head><body>" + render(markdown) + "</body></html>");
        page.title(title);
        page.select("img").forEach(img -> img.replaceWith(new org.jsoup.nodes.TextNode("[" + img.attr("alt") + "]")));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder()
                    .withW3cDocument(new W3CDom().fromJsoup(page), "about:blank")
                    .useUriResolver((base, uri) -> null)
                    .toStream(out)
                    .run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Node parse(String markdown) {
        Node document;
        try {
            document = parser.parse(markdown);
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
        if (RunbookMarkdown.depth(document) > MAX_DEPTH) {
            throw tooDeep();
        }
        return document;
    }

    private static FirebreakException tooDeep() {
        return new FirebreakException.BadInput(
                "markdown",
                "the text is nested too deeply (at most " + MAX_DEPTH + " levels of lists, quotes and emphasis)");
    }

    private static final String CSS = "body{font-family:sans-serif;font-size:10pt;line-height:1.4;color:#111}"
            + "h1{font-size:18pt}h2{font-size:13pt;border-bottom:1px solid #ccc;margin-top:18pt}"
            + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:3pt;"
            + "vertical-align:top;text-align:left}pre,code{font-family:monospace;font-size:9pt}"
            + "pre{background:#f4f4f4;padding:6pt;white-space:pre-wrap}@page{size:A4;margin:18mm}";
}
