package dev.firebreak.notify.internal;

import dev.firebreak.notify.Urgency;
import dev.firebreak.oncall.Reachability;
import org.springframework.stereotype.Component;

/**
 * A person is reachable when a high-urgency page would go out over at least one of their methods:
 * the plan a page would use (their rules, else their working methods), less channels not set up.
 */
@Component
class PagingReachability implements Reachability {
    private final MessageWriter writer;
    private final ContactChannels channels;

    PagingReachability(MessageWriter writer, ContactChannels channels) {
        this.writer = writer;
        this.channels = channels;
    }

    @Override
    public boolean reachable(String username) {
        return writer.plan(username, Urgency.HIGH).stream()
                .anyMatch(
                        planned -> channels.cannotSend(planned.method().kind()).isEmpty());
    }
}
