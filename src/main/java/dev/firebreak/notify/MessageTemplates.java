package dev.firebreak.notify;

import dev.firebreak.incident.IncidentState;
import dev.firebreak.notify.internal.IncidentDrafts;
import dev.firebreak.notify.internal.render.Facts;
import dev.firebreak.notify.internal.render.Moment;
import dev.firebreak.notify.internal.render.TemplateFindings;
import dev.firebreak.notify.internal.render.TemplateRenderer;
import dev.firebreak.runbook.RunbookModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Runbooks' communication templates as Firebreak reads them: which placeholders no incident field
 * fills (findings beside the runbook's lint), and a preview of each for a sample incident.
 */
@Service
public class MessageTemplates {
    private static final long SAMPLE_ID = 1042;

    private final NotifyProperties properties;
    private final IncidentDrafts drafts;
    private final Clock clock;

    MessageTemplates(NotifyProperties properties, IncidentDrafts drafts, Clock clock) {
        this.properties = properties;
        this.drafts = drafts;
        this.clock = clock;
    }

    /**
     * The incident's runbook template of this kind (initial, update, resolution) filled from the
     * incident: a draft for a person to edit before it goes anywhere public. Empty when the runbook
     * has none.
     */
    public java.util.Optional<RenderedTemplate> draft(long incidentId, String kind) {
        return drafts.draft(incidentId, kind);
    }

    /**
     * Placeholders of the templates messages use that no incident field fills: they stay as written
     * in every message. Worked out from the templates alone (no server needed: {@code runbook lint}
     * prints them too), rule {@code template-placeholder}.
     */
    public static List<RunbookModel.Finding> findings(RunbookModel model) {
        return TemplateFindings.of(model);
    }

    /** Each template messages use, filled for a sample incident of this runbook. */
    public TemplatePreviews preview(String slug, RunbookModel model) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant opened = now.minus(Duration.ofMinutes(42));
        String severity =
                model.severityLevels() == null || model.severityLevels().isEmpty()
                        ? "P1"
                        : model.severityLevels().getFirst().name();
        String url = properties.url("/incidents/" + SAMPLE_ID);
        List<RenderedTemplate> templates = new ArrayList<>();
        List<String> builtIn = new ArrayList<>();
        for (Moment moment : Moment.values()) {
            var template = moment.pick(model.templates());
            if (template.isEmpty()) {
                builtIn.add(moment.kind());
                continue;
            }
            IncidentState state = moment.state();
            IncidentState previous =
                    switch (moment) {
                        case INITIAL -> null;
                        case UPDATE -> IncidentState.TRIGGERED;
                        case RESOLUTION -> IncidentState.ACKNOWLEDGED;
                    };
            Facts facts = new Facts(
                    SAMPLE_ID,
                    "Checkout API error rate above 5%",
                    severity,
                    state,
                    previous,
                    "checkout",
                    slug,
                    url,
                    opened,
                    moment == Moment.RESOLUTION ? now : null,
                    now,
                    "alice",
                    "carol",
                    "dave",
                    "About 5% of checkouts fail",
                    "restarted the payment workers; error rate falling");
            templates.add(TemplateRenderer.render(
                    template.get().name(), template.get().kind(), template.get().body(), facts));
        }
        List<RenderedMessage.Field> sample = List.of(
                new RenderedMessage.Field("incident", "#" + SAMPLE_ID + " Checkout API error rate above 5%"),
                new RenderedMessage.Field("severity", severity),
                new RenderedMessage.Field("service", "checkout"),
                new RenderedMessage.Field("paged or acknowledging person", "alice"),
                new RenderedMessage.Field("incident commander", "carol"),
                new RenderedMessage.Field("communications lead", "dave"),
                new RenderedMessage.Field("impact", "About 5% of checkouts fail"),
                new RenderedMessage.Field("opened", "42 minutes ago"));
        return new TemplatePreviews(templates, builtIn, sample);
    }
}
