package dev.firebreak.alert;

import java.util.List;

/**
 * Firing alerts a sender resent, committed together (Prometheus resends every firing alert each
 * minute). One event per commit rather than one {@link AlertReceived} per alert: at tens of
 * thousands of refreshes a second, the per-event work of publishing alone was measurable.
 */
public record AlertsRefreshed(List<Alert> alerts) {}
