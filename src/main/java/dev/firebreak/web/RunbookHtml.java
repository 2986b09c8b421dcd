package dev.firebreak.web;

import dev.firebreak.runbook.RunbookMarkdown;
import dev.firebreak.runbook.RunbookModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a runbook's Markdown for the browser. Raw HTML in a runbook is escaped and unsafe link
 * schemes (javascript:, data:) are dropped, so a runbook cannot inject script into the page.
 * Headings get the model's anchors and fenced blocks their risk, in document order.
 */
@Component
class RunbookHtml {
    private static final List<org.commonmark.Extension> EXTENSIONS =
            List.of(TablesExtension.create(), AutolinkExtension.create(), YamlFrontMatterExtension.create());
    private static final UrlSanitizer SAFE_URLS = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));
    private final Parser parser = RunbookMarkdown.parser(EXTENSIONS);

    String render(String markdown, RunbookModel model) {
        Node document;
        try {
            document = parser.parse(markdown);
        } catch (StackOverflowError e) {
            return tooDeep(markdown);
        }
        if (RunbookMarkdown.depth(document) > RunbookMarkdown.MAX_DEPTH) {
            return tooDeep(markdown);
        }
        Iterator<String> anchors = flatten(model.sections()).iterator();
        Iterator<RunbookModel.Command> commands = model.commands().iterator();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                // commonmark's default also lets data: through; a runbook links to pages, not payloads.
                .urlSanitizer(SAFE_URLS)
                .attributeProviderFactory(context -> new Marks(anchors, commands))
                .build();
        return renderer.render(document);
    }

    /** Stored before saves were checked: the text, rather than overflow the renderer's stack. */
    private static String tooDeep(String markdown) {
        return "<p>This runbook is nested too deeply to show formatted.</p><pre>" + HtmlUtils.htmlEscape(markdown)
                + "</pre>";
    }

    private static List<String> flatten(List<RunbookModel.Section> sections) {
        List<String> anchors = new ArrayList<>();
        List<RunbookModel.Section> stack = new ArrayList<>(sections.reversed());
        while (!stack.isEmpty()) {
            RunbookModel.Section section = stack.removeLast();
            anchors.add(section.anchor());
            stack.addAll(section.children().reversed());
        }
        return anchors;
    }

    /** Adds ids to headings and risk classes to fenced code, walking both lists in step. */
    private record Marks(Iterator<String> anchors, Iterator<RunbookModel.Command> commands)
            implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading && anchors.hasNext()) {
                attributes.put("id", anchors.next());
            } else if (node instanceof FencedCodeBlock && tagName.equals("pre") && commands.hasNext()) {
                RunbookModel.Command command = commands.next();
                if (command.risk() != null) {
                    attributes.put("class", "command risk-" + command.risk());
                    attributes.put("data-risk", command.risk());
                    attributes.put("title", String.join("; ", command.reasons()));
                }
            }
        }
    }
}
