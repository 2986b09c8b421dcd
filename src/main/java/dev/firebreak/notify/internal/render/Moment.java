package dev.firebreak.notify.internal.render;

import dev.firebreak.incident.IncidentState;
import dev.firebreak.runbook.RunbookModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** When a message goes out, and the kind of runbook template that speaks for it. */
public enum Moment {
    /** A page, or a channel told of a (re)triggered incident. */
    INITIAL,
    /** Acknowledged, or any other change a channel hears of. */
    UPDATE,
    RESOLUTION;

    /** The template kind in the runbook model: initial, update, resolution. */
    public String kind() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state an incident is in when this moment's message goes out. */
    public IncidentState state() {
        return switch (this) {
            case INITIAL -> IncidentState.TRIGGERED;
            case UPDATE -> IncidentState.ACKNOWLEDGED;
            case RESOLUTION -> IncidentState.RESOLVED;
        };
    }

    /** The runbook's first template of this kind; the built-in words speak when it has none. */
    public Optional<RunbookModel.Template> pick(List<RunbookModel.Template> templates) {
        if (templates == null) {
            return Optional.empty();
        }
        return templates.stream()
                .filter(t ->
                        kind().equals(t.kind()) && t.body() != null && !t.body().isBlank())
                .findFirst();
    }
}
