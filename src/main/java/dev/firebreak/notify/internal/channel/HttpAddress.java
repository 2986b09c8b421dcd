package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.InvalidDestination;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The shape of an incoming-webhook, endpoint or topic URL; where it may point is {@link NetworkPolicy}'s. */
public final class HttpAddress {
    static final int MAX_LENGTH = 2000;

    private HttpAddress() {}

    /** @throws InvalidDestination on field "url" with the reason */
    public static URI parse(String address) {
        String url = address == null ? "" : address.strip();
        if (url.isEmpty()) {
            throw new InvalidDestination("url", "the URL is empty: give the https:// address");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidDestination("url", "the URL is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidDestination("url", "'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidDestination("url", "the URL must start with https://, not '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidDestination("url", "the URL '" + url + "' has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidDestination("url", "the URL must not contain a user name or password");
        }
        return uri;
    }

    /** Scheme and host only: webhook and chat URLs are secrets in themselves. */
    public static String masked(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                return "…";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
        } catch (URISyntaxException e) {
            return "…";
        }
    }
}
