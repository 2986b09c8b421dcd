package dev.firebreak.alert;

import dev.firebreak.support.ServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shared helpers of the intake tests: integrations, posting with keys, counting stored rows. */
abstract class IntakeTestSupport extends ServerTest {
    @Autowired
    Integrations integrations;

    @Autowired
    Alerts alerts;

    @Autowired
    JdbcClient jdbc;

    Integrations.Created integration(IntegrationType type) {
        return integrations.create(
                type.id() + "-" + UUID.randomUUID().toString().substring(0, 8), type, 10_000, 10_000, null);
    }

    long stored(long integrationId) {
        return jdbc.sql("select count(*) from alerts where integration_id = ?")
                .param(integrationId)
                .query(Long.class)
                .single();
    }

    HttpResponse<String> post(String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    HttpResponse<String> postJson(String path, String body) {
        return post(path, null, "application/json", body);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
