package dev.firebreak.notify.internal.channel;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.InvalidDestination;
import dev.firebreak.notify.NotificationProvider;
import dev.firebreak.notify.internal.ContactChannels;
import dev.firebreak.notify.internal.Providers;
import dev.firebreak.oncall.ContactAddressCheck;
import dev.firebreak.oncall.ContactMethod;
import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * An address as it is saved: the provider's own check, then the network policy for http(s) URLs.
 * Used for channels and, through on-call's {@link ContactAddressCheck}, for every contact method
 * whose kind a provider delivers (webhook and push URLs, email addresses, ...).
 */
@Component
public class DestinationCheck implements ContactAddressCheck {
    private final Providers providers;
    private final ContactChannels contactChannels;
    private final NetworkPolicy policy;

    DestinationCheck(Providers providers, ContactChannels contactChannels, NetworkPolicy policy) {
        this.providers = providers;
        this.contactChannels = contactChannels;
        this.policy = policy;
    }

    /** @throws InvalidDestination on {@code field}, or on "type" when no provider delivers the type */
    public void check(ChannelType type, String field, String address) {
        NotificationProvider provider = providers
                .find(type)
                .orElseThrow(() -> new InvalidDestination(
                        "type",
                        "no provider delivers '" + type + "' messages; known types: "
                                + providers.types().stream()
                                        .map(ChannelType::id)
                                        .sorted()
                                        .collect(Collectors.joining(", "))));
        checkWith(provider, field, address);
    }

    @Override
    public void check(ContactMethod.Kind kind, String address) {
        // a kind no provider delivers yet (phone, sms) is kept as data until one exists
        contactChannels
                .channelOf(kind)
                .flatMap(providers::find)
                .ifPresent(provider -> checkWith(provider, "address", address));
    }

    private void checkWith(NotificationProvider provider, String field, String address) {
        try {
            provider.checkAddress(address);
        } catch (InvalidDestination e) {
            throw field.equals(e.field()) ? e : new InvalidDestination(field, e.getMessage());
        }
        String url = address == null ? "" : address.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                policy.check(URI.create(url));
            } catch (NetworkPolicy.Refused e) {
                throw new InvalidDestination(field, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new InvalidDestination(field, "'" + url + "' is not a URL");
            }
        }
    }
}
