package dev.firebreak.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the server's REST API. Errors become {@link CliException}s with the
 * problem+json {@code detail}, so the user sees the server's own words.
 */
final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String server;
    private final String token;

    ApiClient(String server, String token) {
        this.server = server.replaceAll("/+$", "");
        this.token = token;
    }

    JsonNode getJson(String path) {
        return JSON.readTree(send(request(path).GET()).body());
    }

    /** A GET answered as text of the given media type (a CSV export). */
    String getText(String path, String accept) {
        return send(request(path).header("Accept", accept).GET()).body();
    }

    JsonNode put(String path, String contentType, byte[] body) {
        HttpResponse<String> response = send(
                request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        return JSON.readTree(response.body());
    }

    JsonNode postJson(String path, String json) {
        return JSON.readTree(send(request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)))
                .body());
    }

    JsonNode patchJson(String path, String json) {
        return body(send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))));
    }

    JsonNode putJson(String path, String json) {
        return body(send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** A POST that may answer 204 with no body (then an empty node). */
    JsonNode post(String path, String json) {
        return body(send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** A DELETE that may answer 204 with no body (then an empty node). */
    JsonNode remove(String path) {
        return body(send(request(path).DELETE()));
    }

    private static JsonNode body(HttpResponse<String> response) {
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    JsonNode delete(String path) {
        return JSON.readTree(send(request(path).DELETE()).body());
    }

    /** Reads a server-sent event stream, passing each event's name and data on until the handler says stop. */
    void events(String path, java.util.function.BiPredicate<String, String> handler) {
        // No request timeout: a command may print for minutes; the server ends the stream.
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.util.stream.Stream<String>> response = exchange(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() >= 400) {
            throw new CliException("server answered HTTP " + response.statusCode());
        }
        String event = "message";
        StringBuilder data = new StringBuilder();
        try (var lines = response.body()) {
            var it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty() && !handler.test(event, data.toString())) {
                        return; // the caller has what it waited for: no need to see the stream close
                    }
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw new CliException(
                    "the output stream broke off: " + e.getCause().getMessage());
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonMapper json() {
        return JSON;
    }

    static String pretty(JsonNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** The text of a JSON object an {@code apply} sends as it is, and the {@code "name"} it is stored under. */
    record NamedDocument(String name, String text) {}

    /** Reads and checks an {@code apply}'s file: readable, JSON, an object with a name. */
    static NamedDocument namedDocument(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), 2);
        }
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new CliException(file + " is not JSON: " + e.getOriginalMessage(), 2);
        }
        if (!body.isObject()
                || !body.hasNonNull("name")
                || body.get("name").asString().isBlank()) {
            throw new CliException(file + " needs a \"name\"", 2);
        }
        return new NamedDocument(body.get("name").asString().strip(), text);
    }

    private URI uri(String path) {
        try {
            return URI.create(server + path);
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid server URL '" + server + "'", 2);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response =
                exchange(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 400) {
            throw new CliException(detail(response));
        }
        return response;
    }

    /** A file the API serves (a PDF, Markdown), as bytes; an error answer is its problem's detail. */
    byte[] getBytes(String path) {
        HttpResponse<byte[]> response = exchange(
                HttpRequest.newBuilder(uri(path))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw new CliException(detail(new String(response.body(), StandardCharsets.UTF_8), response));
        }
        return response.body();
    }

    /** Sends the request; a connection or I/O failure is one line for the person at the terminal. */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliException("cannot connect to " + server + ": connection refused (is the server running?)");
        } catch (IOException e) {
            throw new CliException("cannot talk to " + server + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    /** The problem's detail, or the status line when the answer is not problem+json. */
    private static String detail(HttpResponse<String> response) {
        return detail(response.body(), response);
    }

    private static String detail(String body, HttpResponse<?> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json")) {
            try {
                JsonNode problem = JSON.readTree(body);
                if (problem.hasNonNull("detail")) {
                    return problem.get("detail").asString();
                }
            } catch (RuntimeException e) {
                // not JSON after all: fall through
            }
        }
        return "server answered HTTP " + response.statusCode();
    }
}
