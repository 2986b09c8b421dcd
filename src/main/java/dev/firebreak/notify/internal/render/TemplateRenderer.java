package dev.firebreak.notify.internal.render;

import dev.firebreak.notify.RenderedTemplate;
import dev.firebreak.notify.RenderedTemplate.Fill;
import dev.firebreak.notify.RenderedTemplate.Part;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fills a template in one pass: the template's words stay as written, each placeholder becomes its
 * value or stays as written. Values are never scanned again, so an incident title holding
 * {@code [SEV-X]} or {@code $(...)} is text like any other.
 */
public final class TemplateRenderer {
    private TemplateRenderer() {}

    public static RenderedTemplate render(String name, String kind, String body, Facts facts) {
        List<Part> parts = new ArrayList<>();
        Set<String> unfilled = new LinkedHashSet<>();
        int at = 0;
        for (Placeholder p : TemplateScanner.scan(body)) {
            if (p.start() > at) {
                parts.add(new Part(body.substring(at, p.start()), Fill.TEXT, null));
            }
            String value = facts.value(p);
            String field = p.slot() == null ? null : p.slot().label();
            if (value == null) {
                parts.add(new Part(p.raw(), Fill.UNFILLED, field));
                unfilled.add(p.raw());
            } else {
                parts.add(new Part(value, Fill.VALUE, field));
            }
            at = p.end();
        }
        if (at < body.length()) {
            parts.add(new Part(body.substring(at), Fill.TEXT, null));
        }
        return new RenderedTemplate(name, kind, parts, List.copyOf(unfilled));
    }
}
