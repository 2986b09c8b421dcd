package dev.firebreak.alert;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A change a sender reported through PagerDuty's change events API: a deploy, a configuration
 * change, a secret rotation. It opens nothing; incidents show the changes near them.
 *
 * @param source the sender's {@code payload.source}, or null
 * @param service {@code payload.custom_details.service}, or null
 * @param timestamp {@code payload.timestamp}, or when it was received
 * @param customDetails the sender's {@code payload.custom_details}, as JSON values
 */
public record ChangeEvent(
        long id,
        long integrationId,
        String summary,
        String source,
        String service,
        Instant timestamp,
        Instant receivedAt,
        Map<String, Object> customDetails,
        List<Link> links) {

    public ChangeEvent {
        customDetails = customDetails == null ? Map.of() : customDetails;
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** A link as the sender gave it; {@code text} may be null. */
    public record Link(String href, String text) {
        /**
         * The href if it is an absolute http or https URL, else null: pages link only those, so a
         * sender's {@code javascript:} or {@code data:} href never becomes a clickable link.
         */
        public String webHref() {
            try {
                URI uri = new URI(href.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                        ? uri.toASCIIString()
                        : null;
            } catch (Exception e) {
                return null;
            }
        }

        /** The text to show: the sender's text, else the href itself. */
        public String label() {
            return text == null || text.isBlank() ? href : text;
        }
    }
}
