package dev.firebreak.api;

import dev.firebreak.alert.Heartbeat;
import dev.firebreak.alert.HeartbeatState;
import dev.firebreak.alert.Heartbeats;
import dev.firebreak.alert.IntakeException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heartbeat monitors ({@code /api/v1/heartbeats}) and their ping endpoint, which is public and
 * authenticated only by the monitor's secret in the path (as Healthchecks.io's ping URLs).
 */
@RestController
class HeartbeatController {
    private final Heartbeats heartbeats;

    HeartbeatController(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    /**
     * Create or change a monitor. Durations as {@code 5m}, {@code 30s}, {@code PT5M}; {@code
     * integration} 0 clears it on PATCH.
     */
    record Body(
            String name,
            String description,
            String interval,
            String grace,
            Map<String, String> labels,
            String severity,
            String service,
            List<String> matchers,
            Long integration) {
        Heartbeat.Spec spec() {
            return new Heartbeat.Spec(
                    name,
                    description,
                    Heartbeats.duration("interval", interval),
                    Heartbeats.duration("grace", grace),
                    labels,
                    severity,
                    service,
                    matchers,
                    integration);
        }
    }

    /** A monitor as the API shows it; {@code secret} only right after create and rotate-secret. */
    record View(
            String name,
            String description,
            String interval,
            String grace,
            Map<String, String> labels,
            List<String> matchers,
            Long integration,
            HeartbeatState state,
            Instant lastPingAt,
            Instant dueAt,
            Instant downSince,
            String secretPrefix,
            String pingUrl,
            String secret,
            Instant createdAt) {
        static View of(Heartbeat h, String secret) {
            return new View(
                    h.name(),
                    h.description(),
                    text(h.interval()),
                    text(h.grace()),
                    h.labels(),
                    h.matchers(),
                    h.integrationId(),
                    h.state(),
                    h.lastPingAt(),
                    h.dueAt(),
                    h.downSince(),
                    h.secretPrefix(),
                    "/api/v1/heartbeats/" + (secret == null ? h.secretPrefix() + "…" : secret) + "/ping",
                    secret,
                    h.createdAt());
        }
    }

    /** What a ping answers: enough for a script to see the monitor is UP. */
    record Pinged(String name, HeartbeatState state, Instant lastPingAt) {}

    @GetMapping("/api/v1/heartbeats")
    List<View> list() {
        return heartbeats.list().stream().map(h -> View.of(h, null)).toList();
    }

    @PostMapping("/api/v1/heartbeats")
    ResponseEntity<View> create(@RequestBody(required = false) Body body) {
        Heartbeat.WithSecret created = heartbeats.create(body == null ? null : body.spec());
        return ResponseEntity.created(
                        URI.create("/api/v1/heartbeats/" + created.heartbeat().name()))
                .body(View.of(created.heartbeat(), created.secret()));
    }

    @GetMapping("/api/v1/heartbeats/{name}")
    View get(@PathVariable String name) {
        return View.of(heartbeats.get(name), null);
    }

    @PatchMapping("/api/v1/heartbeats/{name}")
    View update(@PathVariable String name, @RequestBody(required = false) Body body) {
        return View.of(heartbeats.update(name, body == null ? null : body.spec()), null);
    }

    @DeleteMapping("/api/v1/heartbeats/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        heartbeats.delete(name);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/heartbeats/{name}/pause")
    View pause(@PathVariable String name) {
        return View.of(heartbeats.pause(name), null);
    }

    @PostMapping("/api/v1/heartbeats/{name}/resume")
    View resume(@PathVariable String name) {
        return View.of(heartbeats.resume(name), null);
    }

    @PostMapping("/api/v1/heartbeats/{name}/rotate-secret")
    View rotateSecret(@PathVariable String name) {
        Heartbeat.WithSecret rotated = heartbeats.rotateSecret(name);
        return View.of(rotated.heartbeat(), rotated.secret());
    }

    @RequestMapping(
            path = "/api/v1/heartbeats/{secret}/ping",
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.HEAD})
    Pinged ping(@PathVariable String secret) {
        Heartbeat h = heartbeats.ping(secret);
        return new Pinged(h.name(), h.state(), h.lastPingAt());
    }

    @ExceptionHandler(IntakeException.class)
    ResponseEntity<ProblemDetail> refused(IntakeException e, HttpServletRequest request) {
        return AlertIntakeController.problem(e, request);
    }

    /** {@code 5m}, {@code 1h30m}, {@code 0s}: the largest units that divide it. */
    static String text(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                out.append(seconds / sizes[i]).append(units[i]);
                seconds %= sizes[i];
            }
        }
        return out.toString();
    }
}
