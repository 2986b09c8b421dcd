package dev.firebreak.notify.internal;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.oncall.ContactMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Whether a kind of contact method can be sent to on this server now, and if not, why not. */
@Component
public class ContactChannels {
    private final Providers providers;
    private final Map<ChannelType, ProviderReadiness> readiness;

    ContactChannels(Providers providers, List<ProviderReadiness> readiness) {
        this.providers = providers;
        this.readiness =
                readiness.stream().collect(Collectors.toMap(ProviderReadiness::type, Function.identity(), (a, b) -> a));
    }

    /** The channel a kind travels over, if any (chat handles have none: chat goes to channels). */
    public Optional<ChannelType> channelOf(ContactMethod.Kind kind) {
        return MessageWriter.channelOf(kind);
    }

    /** Why nothing can be sent to the kind now, or empty when it can. */
    public Optional<String> cannotSend(ContactMethod.Kind kind) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        Optional<ChannelType> channel = channelOf(kind);
        if (channel.isEmpty()) {
            return Optional.of("no channel delivers to " + name + " contact methods");
        }
        if (providers.find(channel.get()).isEmpty()) {
            return Optional.of("this server has no provider for " + name + " messages");
        }
        ProviderReadiness ready = readiness.get(channel.get());
        return ready == null ? Optional.empty() : ready.notReady();
    }
}
