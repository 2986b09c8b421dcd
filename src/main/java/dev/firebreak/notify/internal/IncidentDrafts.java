package dev.firebreak.notify.internal;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notify.MessageKind;
import dev.firebreak.notify.NotifyProperties;
import dev.firebreak.notify.RenderedTemplate;
import dev.firebreak.notify.internal.render.Moment;
import dev.firebreak.notify.internal.render.TemplateRenderer;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.RunbookLibrary;
import dev.firebreak.runbook.RunbookModel;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An incident's runbook template for a moment, filled from the incident, as a draft a person edits. */
@Component
public class IncidentDrafts {
    private final Incidents incidents;
    private final RunbookLibrary library;
    private final NotifyProperties properties;
    private final Clock clock;

    IncidentDrafts(Incidents incidents, RunbookLibrary library, NotifyProperties properties, Clock clock) {
        this.incidents = incidents;
        this.library = library;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<RenderedTemplate> draft(long incidentId, String kind) {
        Moment moment;
        try {
            moment = Moment.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FirebreakException.BadInput("kind", "a template kind is initial, update or resolution");
        }
        Incident incident = incidents.get(incidentId);
        List<RunbookModel.Template> templates = List.of();
        if (incident.runbookSlug() != null) {
            try {
                templates = library.get(incident.runbookSlug()).model().templates();
            } catch (FirebreakException.NotFound gone) {
                templates = List.of();
            }
        }
        return moment.pick(templates).map(template -> {
            // Stands in for the message the facts would be read for: an update, not a page.
            MessageRow asUpdate = new MessageRow(
                    0,
                    "",
                    null,
                    MessageKind.INCIDENT_UPDATE,
                    incidentId,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            return TemplateRenderer.render(
                    template.name(),
                    template.kind(),
                    template.body(),
                    IncidentFacts.of(
                            incidents.details(incidentId),
                            asUpdate,
                            properties.url("/incidents/" + incidentId),
                            clock.instant()));
        });
    }
}
