package dev.firebreak.statuspage.internal;

import dev.firebreak.statuspage.ComponentStatus;
import dev.firebreak.statuspage.PageView.UptimeDay;
import dev.firebreak.statuspage.PublicIncident;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A component's bars, one per day in the page's time zone, from the public incidents' history:
 * each incident affecting the component counts from its start to its end (or now) at the state it
 * put the component in. Maintenance is not downtime. Worked out on read: 90 days of a page's
 * incidents are few rows.
 */
public final class UptimeBars {
    private UptimeBars() {}

    public static List<UptimeDay> of(
            long componentId, List<PublicIncident> incidents, ZoneId zone, Instant now, int days) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<UptimeDay> bars = new ArrayList<>(days);
        for (int back = days - 1; back >= 0; back--) {
            LocalDate date = today.minusDays(back);
            Instant from = date.atStartOfDay(zone).toInstant();
            Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
            if (to.isAfter(now)) {
                to = now;
            }
            ComponentStatus worst = ComponentStatus.OPERATIONAL;
            long down = 0;
            long partial = 0;
            for (PublicIncident incident : incidents) {
                if (incident.kind() != PublicIncident.Kind.INCIDENT) {
                    continue;
                }
                ComponentStatus status = statusOf(incident, componentId);
                if (status == null || status == ComponentStatus.OPERATIONAL) {
                    continue;
                }
                Instant start = incident.startedAt();
                Instant end = incident.endedAt(now) == null ? now : incident.endedAt(now);
                Instant a = start.isAfter(from) ? start : from;
                Instant b = end.isBefore(to) ? end : to;
                if (!a.isBefore(b)) {
                    continue;
                }
                long seconds = b.getEpochSecond() - a.getEpochSecond();
                worst = worst.worse(status);
                if (status == ComponentStatus.MAJOR_OUTAGE) {
                    down += seconds;
                } else if (status == ComponentStatus.PARTIAL_OUTAGE) {
                    partial += seconds;
                }
            }
            bars.add(new UptimeDay(date, worst, Math.min(down, 86_400), Math.min(partial, 86_400)));
        }
        return bars;
    }

    private static ComponentStatus statusOf(PublicIncident incident, long componentId) {
        return incident.components().stream()
                .filter(a -> a.componentId() == componentId)
                .map(PublicIncident.Affected::status)
                .findFirst()
                .orElse(null);
    }
}
