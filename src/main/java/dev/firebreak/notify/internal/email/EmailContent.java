package dev.firebreak.notify.internal.email;

import dev.firebreak.notify.RenderedMessage;
import dev.firebreak.notify.RenderedMessage.Field;
import dev.firebreak.notify.RenderedMessage.Link;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A message's words as the two parts of a multipart/alternative mail: plain text, and HTML with
 * inline styles (mail clients drop style sheets) where every value is escaped and links are buttons.
 * Only http(s) URLs become links, so a template can never smuggle in a {@code javascript:} one.
 */
final class EmailContent {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)]");

    private EmailContent() {}

    static String subject(RenderedMessage content) {
        String title = content.title() == null || content.title().isBlank() ? "Firebreak" : content.title();
        String line = title.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }

    static String text(RenderedMessage content, String key) {
        StringBuilder out = new StringBuilder();
        out.append(nullToEmpty(content.text()).strip()).append("\n");
        if (!content.fields().isEmpty()) {
            out.append("\n");
            for (Field field : content.fields()) {
                out.append(field.label()).append(": ").append(field.value()).append("\n");
            }
        }
        if (!content.links().isEmpty()) {
            out.append("\n");
            for (Link link : content.links()) {
                out.append(link.label()).append(": ").append(link.url()).append("\n");
            }
        }
        out.append("\n-- \nSent by Firebreak (message ").append(key).append(")\n");
        return out.toString();
    }

    static String html(RenderedMessage content, String key) {
        String accent = accent(content.state());
        StringBuilder out = new StringBuilder(2048);
        out.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>")
                .append(escape(subject(content)))
                .append("</title></head>")
                .append("<body style=\"margin:0;padding:0;background:#f4f5f7;")
                .append("font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2328\">")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr>")
                .append("<td align=\"center\" style=\"padding:24px 12px\">")
                .append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" style=\"")
                .append("max-width:600px;width:100%;background:#ffffff;border:1px solid #d0d7de;border-radius:8px\">")
                .append("<tr><td style=\"padding:18px 24px;border-left:6px solid ")
                .append(accent)
                .append(";border-radius:8px 8px 0 0\"><h1 style=\"margin:0;font-size:18px;line-height:1.35\">")
                .append(escape(subject(content)))
                .append("</h1></td></tr>")
                .append("<tr><td style=\"padding:4px 24px 12px;font-size:15px;line-height:1.5\">")
                .append(paragraphs(nullToEmpty(content.text())))
                .append("</td></tr>");
        if (!content.fields().isEmpty()) {
            out.append("<tr><td style=\"padding:0 24px 12px\">")
                    .append(
                            "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"font-size:14px\">");
            for (Field field : content.fields()) {
                out.append("<tr><td style=\"padding:2px 16px 2px 0;color:#57606a;white-space:nowrap\">")
                        .append(escape(field.label()))
                        .append("</td><td style=\"padding:2px 0\">")
                        .append(escape(field.value()))
                        .append("</td></tr>");
            }
            out.append("</table></td></tr>");
        }
        if (!content.links().isEmpty()) {
            out.append("<tr><td style=\"padding:8px 24px 20px\">");
            for (Link link : content.links()) {
                out.append(button(link));
            }
            out.append("</td></tr>");
        }
        out.append("</table><p style=\"font-size:12px;color:#57606a;margin:12px 0 0\">Sent by Firebreak · message ")
                .append(escape(key))
                .append("</p></td></tr></table></body></html>");
        return out.toString();
    }

    private static String button(Link link) {
        if (!safe(link.url())) {
            return "<p style=\"margin:4px 0\">" + escape(link.label() + ": " + link.url()) + "</p>";
        }
        String color =
                switch (link.action()) {
                    case ACKNOWLEDGE -> "#9a6700";
                    case RESOLVE -> "#1a7f37";
                    case CONFIRM -> "#0969da";
                    case OPEN -> "#24292f";
                };
        return "<a href=\"" + escape(link.url()) + "\" style=\"display:inline-block;margin:4px 8px 4px 0;"
                + "padding:10px 18px;background:" + color + ";color:#ffffff;text-decoration:none;"
                + "border-radius:6px;font-weight:600;font-size:14px\">" + escape(link.label()) + "</a>";
    }

    /** Paragraphs at blank lines, line breaks kept, URLs in the text as links. */
    private static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            if (paragraph.isBlank()) {
                continue;
            }
            out.append("<p style=\"margin:12px 0\">");
            String[] lines = paragraph.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>");
                }
                out.append(linkify(lines[i]));
            }
            out.append("</p>");
        }
        return out.toString();
    }

    private static String linkify(String line) {
        StringBuilder out = new StringBuilder();
        Matcher url = URL.matcher(line);
        int at = 0;
        while (url.find()) {
            out.append(escape(line.substring(at, url.start())));
            String href = escape(url.group());
            out.append("<a href=\"")
                    .append(href)
                    .append("\" style=\"color:#0969da\">")
                    .append(href)
                    .append("</a>");
            at = url.end();
        }
        return out.append(escape(line.substring(at))).toString();
    }

    private static boolean safe(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static String accent(String state) {
        return switch (state == null ? "" : state) {
            case "resolved" -> "#1a7f37";
            case "acknowledged" -> "#9a6700";
            case "triggered" -> "#cf222e";
            default -> "#0969da";
        };
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(nullToEmpty(text), "UTF-8");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
