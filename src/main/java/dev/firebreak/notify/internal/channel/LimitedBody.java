package dev.firebreak.notify.internal.channel;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The first few KiB of an answer as text, then the rest is dropped unread: an endpoint that
 * streams without end holds a send no longer than its deadline and no memory at all.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<String> {
    static final int LIMIT = 4096;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    static HttpResponse.BodyHandler<String> handler() {
        return info -> new LimitedBody();
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            int take = Math.min(item.remaining(), LIMIT - bytes.size());
            byte[] chunk = new byte[take];
            item.get(chunk);
            bytes.write(chunk, 0, take);
        }
        if (bytes.size() >= LIMIT && !result.isDone()) {
            subscription.cancel();
            finish();
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        finish();
    }

    private void finish() {
        result.complete(bytes.toString(StandardCharsets.UTF_8));
    }
}
