package dev.firebreak.demo;

import dev.firebreak.alert.AlertIntake;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends sample Prometheus alerts through the intake path: a few fire at a time, keep firing for a
 * minute or two (refreshed like Prometheus does), then resolve, so incidents open, update and close.
 */
// Present in every server and switched by firebreak.demo.enabled at run time, not by a condition:
// the build's Spring AOT processing would freeze a condition (docs/decisions/0004).
@Component
@ConditionalOnWebApplication
class DemoAlerts {
    private static final Logger log = LoggerFactory.getLogger(DemoAlerts.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One kind of sample alert, named after a problem one of the seed runbooks covers. */
    record Scenario(String name, String severity, String service, String summary) {}

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario(
                    "QueueBacklog",
                    "warning",
                    "metamorphic-guard",
                    "Queue backlog growing: evaluation tasks wait for workers"),
            new Scenario(
                    "PhotonServiceDown",
                    "critical",
                    "photon-mlir-bridge",
                    "photon-mlir-bridge service outage: compilation failures"),
            new Scenario("MisoQualityGateFailed", "error", "miso", "MISO quality gate failures"),
            new Scenario("HsofGpuMemoryHigh", "warning", "hsof", "HSOF GPU memory usage high"),
            new Scenario(
                    "CounterfactualGenerationErrors",
                    "info",
                    "counterfactual-lab",
                    "Counterfactual generation error rate above threshold"));

    private record Active(Scenario scenario, String instance, Instant startsAt, int ticksLeft) {}

    private final DemoSetup setup;
    private final DemoProperties properties;
    private final AlertIntake intake;
    private final Clock clock;
    private final List<Active> active = new ArrayList<>();
    private volatile String key;
    private int next;

    DemoAlerts(DemoSetup setup, DemoProperties properties, AlertIntake intake, Clock clock) {
        this.setup = setup;
        this.properties = properties;
        this.intake = intake;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() throws Exception {
        if (!properties.enabled()) {
            return;
        }
        setup.runbooks();
        setup.team();
        key = setup.integrationKey();
        log.info("Demo: sending sample alerts; open the UI to watch incidents open and resolve");
    }

    @Scheduled(initialDelay = 2_000, fixedDelayString = "${firebreak.demo.interval:5s}")
    synchronized void tick() {
        if (key == null) {
            return;
        }
        Instant now = clock.instant();
        List<Map<String, Object>> batch = new ArrayList<>();
        List<Active> still = new ArrayList<>();
        for (Active a : active) {
            boolean over = a.ticksLeft() <= 0;
            batch.add(body(a, now, over));
            if (!over) {
                still.add(new Active(a.scenario(), a.instance(), a.startsAt(), a.ticksLeft() - 1));
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (still.size() < 3) {
            Scenario scenario = SCENARIOS.get(next++ % SCENARIOS.size());
            Active started = new Active(scenario, "node-" + random.nextInt(1, 4), now, random.nextInt(10, 24));
            still.add(started);
            batch.add(body(started, now, false));
        } else if (random.nextInt(4) == 0) {
            // A second instance of a firing alert: the same group, so the incident gains an alert.
            Active sibling = still.get(random.nextInt(still.size()));
            Active extra = new Active(sibling.scenario(), "node-" + random.nextInt(4, 9), now, sibling.ticksLeft());
            still.add(extra);
            batch.add(body(extra, now, false));
        }
        active.clear();
        active.addAll(still);
        try {
            intake.prometheus(key, JSON.writeValueAsBytes(batch));
        } catch (RuntimeException e) {
            log.warn("Demo: sample alerts not accepted: {}", e.getMessage());
        }
    }

    private static Map<String, Object> body(Active a, Instant now, boolean resolved) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put(
                "labels",
                Map.of(
                        "alertname", a.scenario().name(),
                        "severity", a.scenario().severity(),
                        "service", a.scenario().service(),
                        "instance", a.instance(),
                        "job", "demo"));
        alert.put("annotations", Map.of("summary", a.scenario().summary()));
        alert.put("startsAt", a.startsAt().toString());
        alert.put("endsAt", (resolved ? now.minusSeconds(1) : now.plusSeconds(300)).toString());
        alert.put(
                "generatorURL",
                "http://demo.invalid/graph?g0.expr=" + a.scenario().name());
        return alert;
    }
}
