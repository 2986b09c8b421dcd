package dev.firebreak.api;

import dev.firebreak.alert.AlertmanagerView;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's {@code /api/v2/status}, {@code /api/v2/receivers} and its health endpoints, which
 * amtool ({@code config show}, {@code cluster show}) and Grafana's data source check first. One
 * Firebreak installation is one "cluster" that is always ready: its nodes share the database.
 */
@RestController
class AlertmanagerStatusController {
    private final AlertmanagerView view;
    private final ObjectProvider<BuildProperties> build;
    private final ApplicationAvailability availability;
    private final Instant started;

    AlertmanagerStatusController(
            AlertmanagerView view,
            ObjectProvider<BuildProperties> build,
            ApplicationAvailability availability,
            Clock clock) {
        this.view = view;
        this.build = build;
        this.availability = availability;
        this.started = clock.instant();
    }

    @GetMapping(path = "/api/v2/status", produces = AlertIntakeController.JSON)
    Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("name", "firebreak");
        cluster.put("status", "ready");
        cluster.put("peers", List.of());
        out.put("cluster", cluster);
        BuildProperties info = build.getIfAvailable();
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("branch", "");
        version.put(
                "buildDate",
                info == null || info.getTime() == null ? "" : info.getTime().toString());
        version.put("buildUser", "");
        version.put("goVersion", "java " + Runtime.version().feature());
        version.put("revision", "");
        version.put(
                "version", info == null || info.getVersion() == null ? "unknown" : "firebreak-" + info.getVersion());
        out.put("versionInfo", version);
        out.put("config", Map.of("original", view.configYaml()));
        out.put("uptime", started.toString());
        return out;
    }

    @GetMapping(path = "/api/v2/receivers", produces = AlertIntakeController.JSON)
    List<Map<String, String>> receivers() {
        return view.receivers().stream().map(name -> Map.of("name", name)).toList();
    }

    @RequestMapping(
            path = "/-/healthy",
            method = {RequestMethod.GET, RequestMethod.HEAD},
            produces = MediaType.TEXT_PLAIN_VALUE)
    String healthy() {
        return "OK";
    }

    @RequestMapping(
            path = "/-/ready",
            method = {RequestMethod.GET, RequestMethod.HEAD},
            produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> ready() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                ? ResponseEntity.ok("OK")
                : ResponseEntity.status(503).body("not ready");
    }
}
