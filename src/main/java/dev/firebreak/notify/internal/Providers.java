package dev.firebreak.notify.internal;

import dev.firebreak.notify.ChannelType;
import dev.firebreak.notify.NotificationProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The providers present, by channel type: built-in ones and any bean added later. */
@Component
public class Providers {
    private final Map<ChannelType, NotificationProvider> byType;

    Providers(List<NotificationProvider> providers) {
        this.byType = providers.stream()
                .collect(Collectors.toMap(NotificationProvider::type, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two providers for channel type " + a.type());
                }));
    }

    public Optional<NotificationProvider> find(ChannelType type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Set<ChannelType> types() {
        return byType.keySet();
    }
}
