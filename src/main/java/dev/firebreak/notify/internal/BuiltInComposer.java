package dev.firebreak.notify.internal;

import dev.firebreak.incident.Incident;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.notify.RenderedMessage;
import dev.firebreak.notify.RenderedMessage.Field;
import dev.firebreak.notify.RenderedMessage.Link;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The built-in words for a page or an update, used when the incident's runbook has no template for
 * the moment and for bundled pages; {@link TemplateComposer} puts a template's words in their place.
 */
@Component
class BuiltInComposer {
    private final NotifyProperties properties;

    BuiltInComposer(NotifyProperties properties) {
        this.properties = properties;
    }

    RenderedMessage compose(Incident incident, MessageKind kind, List<Incident> bundled) {
        String severity =
                incident.severity() == null ? null : incident.severity().name();
        String title = (severity == null ? "" : "[" + severity + "] ") + incident.title();
        StringBuilder text = new StringBuilder();
        if (kind == MessageKind.PAGE) {
            text.append("You are paged for incident #")
                    .append(incident.id())
                    .append(": ")
                    .append(incident.title());
        } else {
            text.append("Incident #").append(incident.id()).append(" is ").append(incident.lowerState());
        }
        if (!bundled.isEmpty()) {
            text.append("\n\nAlso waiting for you:");
            for (Incident more : bundled) {
                text.append("\n- #").append(more.id()).append(": ").append(more.title());
            }
        }
        List<Field> fields = new ArrayList<>();
        if (severity != null) {
            fields.add(new Field("Severity", severity));
        }
        fields.add(new Field("State", incident.lowerState()));
        if (incident.service() != null) {
            fields.add(new Field("Service", incident.service()));
        }
        if (incident.runbookSlug() != null) {
            fields.add(new Field("Runbook", incident.runbookSlug()));
        }
        String url = properties.url("/incidents/" + incident.id());
        return new RenderedMessage(
                title,
                text.toString(),
                severity,
                incident.lowerState(),
                "incident-" + incident.id(),
                fields,
                List.of(new Link("Open incident", url, Link.Action.OPEN)),
                List.of());
    }
}
