package dev.firebreak.notify.internal;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentState;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notify.ActionLinks;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.notify.RenderedMessage;
import dev.firebreak.notify.RenderedMessage.Link;
import dev.firebreak.notify.RenderedTemplate;
import dev.firebreak.notify.internal.render.Moment;
import dev.firebreak.notify.internal.render.TemplateRenderer;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A message's words: the built-in ones ({@link BuiltInComposer}), with the text replaced by the
 * attached runbook's template for the moment (initial, update, resolution), its placeholders filled
 * from the incident, when it has one; bundled pages keep the built-in summary. Every page carries
 * acknowledge and resolve links for the person paged.
 */
@Component
class TemplateComposer implements MessageComposer {
    private final Incidents incidents;
    private final BuiltInComposer builtIn;
    private final RunbookLibrary library;
    private final ActionLinks actionLinks;
    private final NotifyProperties properties;
    private final Clock clock;

    TemplateComposer(
            Incidents incidents,
            BuiltInComposer builtIn,
            RunbookLibrary library,
            ActionLinks actionLinks,
            NotifyProperties properties,
            Clock clock) {
        this.incidents = incidents;
        this.builtIn = builtIn;
        this.library = library;
        this.actionLinks = actionLinks;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RenderedMessage compose(MessageRow message, List<MessageRow> bundled) {
        Incident incident = incidents.get(message.incidentId());
        List<Incident> others =
                bundled.stream().map(other -> incidents.get(other.incidentId())).toList();
        RenderedMessage words = builtIn.compose(incident, message.kind(), others);
        String text = words.text();
        List<String> unfilled = words.unfilled();
        Optional<RunbookModel.Template> template = bundled.isEmpty()
                ? moment(message).flatMap(moment -> moment.pick(templates(incident)))
                : Optional.empty();
        if (template.isPresent()) {
            RenderedTemplate rendered = TemplateRenderer.render(
                    template.get().name(),
                    template.get().kind(),
                    template.get().body(),
                    IncidentFacts.of(incidents.details(incident.id()), message, url(incident.id()), clock.instant()));
            text = rendered.text().strip();
            unfilled = rendered.unfilled();
        }
        List<Link> links = new ArrayList<>(words.links());
        actions(message, incident, "", links);
        for (int i = 0; i < bundled.size(); i++) {
            Incident more = others.get(i);
            links.add(new Link("Open #" + more.id(), url(more.id()), Link.Action.OPEN));
            actions(bundled.get(i), more, " #" + more.id(), links);
        }
        return new RenderedMessage(
                words.title(),
                text,
                words.severity(),
                words.state(),
                words.threadKey(),
                words.fields(),
                links,
                unfilled);
    }

    /** Which template speaks: a page or a trigger the initial one, then update, then resolution. */
    static Optional<Moment> moment(MessageRow message) {
        if (message.kind() == MessageKind.PAGE) {
            return Optional.of(Moment.INITIAL);
        }
        if (message.kind() != MessageKind.INCIDENT_UPDATE || message.causeKey() == null) {
            return Optional.empty();
        }
        // The cause key says which change it reports: update:<incident>:<change>-<cycle>:ch:<channel>.
        String[] parts = message.causeKey().split(":");
        String change = parts.length > 2 ? parts[2].replaceAll("-\\d+$", "") : "";
        return Optional.of(
                switch (change) {
                    case "triggered" -> Moment.INITIAL;
                    case "resolved" -> Moment.RESOLUTION;
                    default -> Moment.UPDATE;
                });
    }

    private List<RunbookModel.Template> templates(Incident incident) {
        if (incident.runbookSlug() == null) {
            return List.of();
        }
        try {
            return library.get(incident.runbookSlug()).model().templates();
        } catch (FirebreakException.NotFound gone) {
            return List.of();
        }
    }

    /** Acknowledge while triggered, resolve until resolved: only in pages, only for the person paged. */
    private void actions(MessageRow message, Incident incident, String suffix, List<Link> links) {
        if (message.kind() != MessageKind.PAGE || message.username() == null) {
            return;
        }
        if (incident.state() == IncidentState.TRIGGERED) {
            links.add(new Link(
                    "Acknowledge" + suffix,
                    actionLinks.issue(message.key(), incident.id(), message.username(), Link.Action.ACKNOWLEDGE),
                    Link.Action.ACKNOWLEDGE));
        }
        if (incident.state() != IncidentState.RESOLVED) {
            links.add(new Link(
                    "Resolve" + suffix,
                    actionLinks.issue(message.key(), incident.id(), message.username(), Link.Action.RESOLVE),
                    Link.Action.RESOLVE));
        }
    }

    private String url(long incidentId) {
        return properties.url("/incidents/" + incidentId);
    }
}
