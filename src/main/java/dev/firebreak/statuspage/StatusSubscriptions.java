package dev.firebreak.statuspage;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.EmailAddress;
import dev.firebreak.statuspage.Subscriber.Kind;
import dev.firebreak.statuspage.Subscriber.State;
import dev.firebreak.statuspage.internal.PageStore;
import dev.firebreak.statuspage.internal.PublicIds;
import dev.firebreak.statuspage.internal.StatusPageProperties;
import dev.firebreak.statuspage.internal.SubscribeLimiter;
import dev.firebreak.statuspage.internal.SubscriberNotices;
import dev.firebreak.statuspage.internal.SubscriberStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing to a page's updates, from the public: double opt-in (nothing but the confirmation
 * goes out until its link is followed), one-click unsubscribe, and rate limits on requests. The
 * answer is the same whether the address was new, pending or confirmed, so the page tells nobody
 * who subscribed.
 */
@Service
public class StatusSubscriptions {
    private final PageStore pages;
    private final SubscriberStore subscribers;
    private final SubscriberNotices notices;
    private final SubscribeLimiter limiter;
    private final StatusPageProperties properties;
    private final Clock clock;

    StatusSubscriptions(
            PageStore pages,
            SubscriberStore subscribers,
            SubscriberNotices notices,
            SubscribeLimiter limiter,
            StatusPageProperties properties,
            Clock clock) {
        this.pages = pages;
        this.subscribers = subscribers;
        this.notices = notices;
        this.limiter = limiter;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What the subscriber is told. {@code webhookSecret} signs the deliveries to a webhook
     * (Standard Webhooks); null for email.
     */
    public record Subscribed(String id, String kind, String state, String webhookSecret) {}

    /** One of email or endpoint (a webhook URL). {@code client} is the caller's address, for the rate limit. */
    @Transactional
    public Subscribed subscribe(String slug, String email, String endpoint, String client) {
        StatusPage page = page(slug);
        boolean byEmail = email != null && !email.isBlank();
        boolean byWebhook = endpoint != null && !endpoint.isBlank();
        if (byEmail == byWebhook) {
            throw new FirebreakException.BadInput("email", "give an email address or a webhook endpoint, one of them");
        }
        Kind kind = byEmail ? Kind.EMAIL : Kind.WEBHOOK;
        String address = byEmail ? email(email) : endpoint(endpoint);
        notices.checkAddress(kind, address);
        limiter.acquire(page.slug(), client == null ? "unknown" : client);
        Instant now = clock.instant();
        String token = PublicIds.newToken();
        Optional<Subscriber> known = subscribers.lockAddress(page.id(), kind, address);
        boolean expired = known.isPresent()
                && known.get().state() == State.PENDING
                && known.get().createdAt().plus(properties.confirmWithin()).isBefore(now);
        Subscriber subscriber;
        boolean fresh = known.isEmpty() || known.get().state() == State.UNSUBSCRIBED || expired;
        if (fresh) {
            // A new row, so a new id and a new webhook secret: whoever subscribed the address
            // before never learns the secret of this subscription.
            long id = subscribers.insert(page.id(), kind, address, PublicIds.hash(token), now);
            subscriber = subscribers.byId(id).orElseThrow();
            notices.confirmation(page, subscriber, token, 1);
        } else {
            subscriber = known.get();
            if (subscriber.state() == State.PENDING
                    && !subscriber
                            .lastRequestedAt()
                            .plus(properties.resendAfter())
                            .isAfter(now)) {
                subscribers.reissue(subscriber.id(), PublicIds.hash(token), now);
                notices.confirmation(page, subscriber, token, now.toEpochMilli());
            }
        }
        // The secret only to whoever made this subscription, once.
        return new Subscribed(
                subscriber.publicId(),
                kind.name().toLowerCase(Locale.ROOT),
                "pending confirmation: follow the link in the message just sent",
                kind == Kind.WEBHOOK && fresh ? notices.webhookSecret(subscriber) : null);
    }

    /** Follows the confirmation link; a link followed again confirms nothing new and says so kindly. */
    @Transactional
    public Subscriber confirm(String slug, String token) {
        StatusPage page = page(slug);
        Subscriber subscriber = token(token)
                .flatMap(t -> subscribers.byConfirmHash(page.id(), PublicIds.hash(t)))
                .orElseThrow(() -> new FirebreakException.NotFound(
                        "this confirmation link is not valid (any more): subscribe again"));
        if (subscriber.state() == State.UNSUBSCRIBED) {
            throw new FirebreakException.NotFound("this confirmation link is not valid (any more): subscribe again");
        }
        subscribers.confirm(subscriber.id(), clock.instant());
        return subscribers.byId(subscriber.id()).orElseThrow();
    }

    /** One click, no login: the token in the link is the credential. Again is fine. */
    @Transactional
    public void unsubscribe(String slug, String token) {
        StatusPage page = page(slug);
        Subscriber subscriber = token(token)
                .flatMap(t -> subscribers.byUnsubscribeToken(page.id(), t))
                .orElseThrow(() -> new FirebreakException.NotFound("this unsubscribe link is not valid"));
        subscribers.unsubscribe(subscriber.id(), clock.instant());
    }

    public int confirmedCount(String slug) {
        return subscribers.count(page(slug).id(), State.CONFIRMED);
    }

    private StatusPage page(String slug) {
        if (slug == null || slug.length() > 60) {
            throw new FirebreakException.NotFound("no status page '" + Inputs.cut(slug) + "'");
        }
        return pages.bySlug(slug).orElseThrow(() -> new FirebreakException.NotFound("no status page '" + slug + "'"));
    }

    private static Optional<String> token(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{20,100}") ? Optional.of(token) : Optional.empty();
    }

    private static String email(String email) {
        if (email.length() > 254) {
            throw new FirebreakException.BadInput("email", "an email address is at most 254 characters");
        }
        return EmailAddress.check("email", email.strip()).toLowerCase(Locale.ROOT);
    }

    private static String endpoint(String endpoint) {
        String url = endpoint.strip();
        if (url.length() > 1000) {
            throw new FirebreakException.BadInput("endpoint", "a webhook endpoint is at most 1000 characters");
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith("https://")
                && !url.toLowerCase(Locale.ROOT).startsWith("http://")) {
            throw new FirebreakException.BadInput("endpoint", "a webhook endpoint is an http(s) URL");
        }
        return url;
    }
}
