package dev.firebreak.alert;

import dev.firebreak.alert.internal.silence.MaintenanceStore;
import dev.firebreak.platform.FirebreakException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Maintenance windows per service: alerts routed to the service do not fire while one lasts. */
@Service
public class MaintenanceWindows {
    private final MaintenanceStore store;
    private final Clock clock;

    MaintenanceWindows(MaintenanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public MaintenanceWindow create(
            String service, Instant startsAt, Instant endsAt, String createdBy, String comment) {
        Instant now = clock.instant();
        Instant start = startsAt == null ? now : startsAt;
        if (service == null || service.isBlank() || service.length() > 500) {
            throw new FirebreakException.BadInput(
                    "service", "a maintenance window needs a service name (at most 500 characters)");
        }
        if (endsAt == null || !endsAt.isAfter(start)) {
            throw new FirebreakException.BadInput("endsAt", "endsAt must be given and after startsAt");
        }
        if (!endsAt.isAfter(now)) {
            throw new FirebreakException.BadInput("endsAt", "endsAt is in the past");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > Silences.MAX_COMMENT) {
            throw new FirebreakException.BadInput(
                    "comment", "comment is longer than " + Silences.MAX_COMMENT + " characters");
        }
        return store.insert(service.strip(), start, endsAt, createdBy, text);
    }

    public List<MaintenanceWindow> list() {
        return store.list();
    }

    /** Ends the window now. */
    public MaintenanceWindow end(long id) {
        MaintenanceWindow window =
                store.find(id).orElseThrow(() -> new FirebreakException.NotFound("no maintenance window " + id));
        if (window.endsAt().isAfter(clock.instant())) {
            Instant now = clock.instant();
            store.end(id, window.startsAt().isAfter(now) ? window.startsAt() : now);
        }
        return store.find(id).orElseThrow();
    }

    /** The services with a maintenance window running now. */
    public java.util.Set<String> servicesInMaintenance() {
        Instant now = clock.instant();
        return store.list().stream()
                .filter(w -> w.activeAt(now))
                .map(MaintenanceWindow::service)
                .collect(java.util.stream.Collectors.toSet());
    }

    public boolean inMaintenance(String service) {
        Instant now = clock.instant();
        return service != null
                && store.list().stream().anyMatch(w -> w.service().equals(service) && w.activeAt(now));
    }
}
