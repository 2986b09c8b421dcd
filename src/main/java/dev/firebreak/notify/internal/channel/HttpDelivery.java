package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.DeliveryOutcome;
import dev.firebreak.notify.InvalidDestination;
import dev.firebreak.notify.NotifyProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One POST for every HTTP provider: the network policy checked right before it, one deadline for
 * the whole exchange (redirects and the answer's body included), redirects followed only on the
 * same host and at most three times, and the answer classified ({@link HttpOutcomes}).
 */
@Component
class HttpDelivery implements DisposableBean {
    static final int MAX_REDIRECTS = 3;

    private final NetworkPolicy policy;
    private final Clock clock;
    private final HttpClient client;

    HttpDelivery(NetworkPolicy policy, NotifyProperties properties, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** Sends still under way end with the context (a test's, or the server's at shutdown). */
    @Override
    public void destroy() {
        client.shutdownNow();
    }

    /** What to send; {@code headers} beyond Content-Type and User-Agent. */
    record Post(URI url, String contentType, byte[] body, Map<String, String> headers) {}

    /** Posts to a stored address; one that no longer parses fails for good. */
    DeliveryOutcome send(
            String address, String contentType, byte[] body, Map<String, String> headers, Duration timeout) {
        URI url;
        try {
            url = HttpAddress.parse(address);
        } catch (InvalidDestination e) {
            return new DeliveryOutcome.Permanent(null, e.getMessage(), false);
        }
        return send(new Post(url, contentType, body, headers), timeout);
    }

    DeliveryOutcome send(Post post, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI url = post.url();
        for (int hop = 0; ; hop++) {
            try {
                policy.check(url);
            } catch (NetworkPolicy.Refused e) {
                return new DeliveryOutcome.Permanent(null, "refused by the network policy: " + e.getMessage(), false);
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return timedOut(timeout);
            }
            HttpRequest request;
            try {
                HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                        .timeout(Duration.ofMillis(left))
                        .header("Content-Type", post.contentType())
                        .header("User-Agent", "Firebreak")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
                post.headers().forEach(builder::header);
                request = builder.build();
            } catch (IllegalArgumentException e) {
                return new DeliveryOutcome.Permanent(null, "could not build the request: " + e.getMessage(), false);
            }
            CompletableFuture<HttpResponse<String>> pending = client.sendAsync(request, LimitedBody.handler());
            HttpResponse<String> response;
            try {
                response = pending.get(left, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                return timedOut(timeout);
            } catch (ExecutionException e) {
                return failed(e.getCause(), timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.cancel(true);
                return new DeliveryOutcome.Temporary(null, "interrupted", null);
            }
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return HttpOutcomes.of(
                        status, response.headers().firstValue("Retry-After"), response.body(), clock.instant());
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty()) {
                return new DeliveryOutcome.Permanent(status, "redirect without a Location", false);
            }
            URI next;
            try {
                next = url.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                return new DeliveryOutcome.Permanent(status, "redirect to a bad Location: " + location.get(), false);
            }
            if (!sameHost(url, next)) {
                return new DeliveryOutcome.Permanent(
                        status,
                        "redirected to another host (" + next.getHost() + "), not followed: save the final URL",
                        false);
            }
            if (hop >= MAX_REDIRECTS) {
                return new DeliveryOutcome.Permanent(status, "more than " + MAX_REDIRECTS + " redirects", false);
            }
            url = next;
        }
    }

    private static boolean sameHost(URI from, URI to) {
        return to.getHost() != null
                && to.getHost().equalsIgnoreCase(from.getHost())
                && ("http".equalsIgnoreCase(to.getScheme()) || "https".equalsIgnoreCase(to.getScheme()));
    }

    private static DeliveryOutcome timedOut(Duration timeout) {
        // "timed out" is what the ledger counts as a TIMEOUT attempt
        return new DeliveryOutcome.Temporary(null, "timed out after " + timeout.toMillis() + " ms", null);
    }

    private static DeliveryOutcome failed(Throwable cause, Duration timeout) {
        if (cause instanceof HttpTimeoutException) {
            return timedOut(timeout);
        }
        if (cause instanceof ConnectException) {
            return new DeliveryOutcome.Temporary(null, "could not connect: " + message(cause), null);
        }
        if (cause instanceof IOException) {
            return new DeliveryOutcome.Temporary(null, "connection failed: " + message(cause), null);
        }
        return new DeliveryOutcome.Temporary(null, "send failed: " + message(cause), null);
    }

    private static String message(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
