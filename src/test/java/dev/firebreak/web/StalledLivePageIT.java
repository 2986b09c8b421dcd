package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.Integrations;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentChanged;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A live page whose browser stopped reading (a socket with a tiny receive buffer that is never
 * read) must not slow alert intake or incident changes, and other pages keep their events.
 */
@Tag("database")
@Import(StalledLivePageIT.SmallSendBuffers.class)
class StalledLivePageIT extends ServerTest {
    private static final Duration LIVENESS = Duration.ofSeconds(5);

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    Incidents incidents;

    @Autowired
    Integrations integrations;

    @Autowired
    LiveEvents live;

    @Test
    void intakeAndIncidentChangesDoNotWaitForAStalledPage() throws Exception {
        String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(viewer, "password-123456", Role.VIEWER, null, null);
        WebSession session = login(viewer, "password-123456");
        String key = integrations
                .create(
                        "stall-" + UUID.randomUUID().toString().substring(0, 8),
                        IntegrationType.PROMETHEUS,
                        10_000,
                        10_000,
                        null)
                .key();
        String responder = tokenFor(Role.RESPONDER);
        long incident = open();
        int before = live.openStreams();

        List<String> healthy = new CopyOnWriteArrayList<>();
        Flow.Subscription[] subscription = new Flow.Subscription[1];
        HTTP.sendAsync(
                HttpRequest.newBuilder(uri("/events/incidents"))
                        .header("Cookie", session.cookie())
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        subscription[0] = s;
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        healthy.add(line);
                    }

                    @Override
                    public void onError(Throwable e) {
                        healthy.add("error: " + e);
                    }

                    @Override
                    public void onComplete() {
                        healthy.add("complete");
                    }
                }));
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(1024);
            stalled.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /events/incidents HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: " + session.cookie()
                            + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> live.openStreams() == before + 2);

            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<Duration>> work = new ArrayList<>();
                // Far more event bytes than the stalled socket's buffers hold, in bursts a reading page keeps up with.
                work.add(pool.submit(() -> timed(() -> {
                    for (int burst = 0; burst < 300; burst++) {
                        for (int i = 0; i < 10; i++) {
                            publisher.publishEvent(new IncidentChanged(incident));
                        }
                        Thread.sleep(10);
                    }
                })));
                for (int t = 0; t < 2; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> slowest(100, i -> {
                        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v2/alerts"))
                                .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"Stall" + thread
                                        + "x" + (i % 10) + "\",\"job\":\"stall\"}}]"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json"));
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    })));
                }
                work.add(pool.submit(() -> slowest(30, i -> {
                    HttpResponse<String> note = sendJson(
                            "POST", "/api/v1/incidents/" + incident + "/notes", responder, "{\"text\":\"n" + i + "\"}");
                    assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
                })));
                for (Future<Duration> f : work) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isLessThan(LIVENESS.multipliedBy(4));
                }
                // each request and each burst of events above is bounded on its own, too
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .alias("the stalled page is dropped")
                    .until(live::openStreams, open -> open == before + 1);
            assertThat(healthy).doesNotContain("complete").noneMatch(line -> line.startsWith("error"));
            long marker = open();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .alias("the reading page still gets its events")
                    .until(() -> healthy.contains("data:" + marker));
        } finally {
            if (subscription[0] != null) {
                subscription[0].cancel();
            }
        }
    }

    /**
     * Loopback send buffers here start near 2 MB, tens of thousands of events; a small one makes the
     * stall come after a few hundred, as it would sooner or later with any buffer.
     */
    @TestConfiguration
    static class SmallSendBuffers {
        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> smallSendBuffers() {
            return factory ->
                    factory.addConnectorCustomizers(connector -> connector.setProperty("socket.txBufSize", "4096"));
        }
    }

    interface Step {
        void run(int i) throws Exception;
    }

    interface Work {
        void run() throws Exception;
    }

    /** The slowest of n runs, each of which must stay within the liveness bound. */
    private static Duration slowest(int n, Step step) throws Exception {
        Duration slowest = Duration.ZERO;
        for (int i = 0; i < n; i++) {
            int index = i;
            Duration took = timed(() -> step.run(index));
            assertThat(took).as("request " + i).isLessThan(LIVENESS);
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
        }
        return slowest;
    }

    private static Duration timed(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private long open() {
        String group = AlertGroups.key();
        AlertGroup alerts = AlertGroups.group(
                group,
                null,
                null,
                List.of(AlertGroups.alert("StallCheck", Map.of("severity", "info"), clock.instant())));
        alertGroups().fire(alerts);
        return incidents
                .list(new IncidentQuery(null, null, group, 1))
                .getFirst()
                .id();
    }
}
