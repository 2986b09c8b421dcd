package dev.firebreak.notify.internal;

import dev.firebreak.notify.ChannelType;
import java.util.Optional;

/**
 * A provider that can be present but not set up (email without {@code spring.mail.host}): its
 * sends fail for good with the reason, a code is not offered over it, and people who rely on it
 * are flagged as unreachable.
 */
public interface ProviderReadiness {
    ChannelType type();

    /** Why the provider cannot send now, or empty when it can. */
    Optional<String> notReady();
}
