package dev.firebreak.notify;

import java.util.List;

/**
 * A runbook's communication templates as messages would read, filled with a sample incident's values.
 *
 * @param templates the templates used, in the order messages go out (initial, update, resolution)
 * @param builtIn the moments the runbook has no template for, which get the built-in words
 * @param sample the sample incident's values, by field, so a page can say what is made up
 */
public record TemplatePreviews(
        List<RenderedTemplate> templates, List<String> builtIn, List<RenderedMessage.Field> sample) {
    public TemplatePreviews {
        templates = List.copyOf(templates);
        builtIn = List.copyOf(builtIn);
        sample = List.copyOf(sample);
    }
}
