package dev.firebreak.incident;

import java.util.List;

/**
 * The incidents one transaction opened or reopened (a flush of many alert groups opens many), as
 * one durable hand-off: escalation starts them in one transaction rather than one each. Each is
 * also published on its own as {@link IncidentOpened}, for listeners in the opening transaction.
 *
 * @param opened at least one, each incident at most once
 */
public record IncidentsOpened(List<IncidentOpened> opened) {

    public IncidentsOpened {
        opened = List.copyOf(opened);
    }
}
