package dev.firebreak.notify;

import java.time.Instant;

/**
 * A chat channel or webhook endpoint that gets every state change of the incidents of its team or
 * service (the seeds' "updates in #incident-channel").
 *
 * @param url the incoming-webhook or endpoint URL (a secret in itself: shown masked)
 * @param team the owning team, or null; {@code service}: the service, or null (one of them is set)
 * @param signed whether a {@code whsec_} secret signs its deliveries (Standard Webhooks)
 * @param disabledReason why it was turned off (an endpoint that answered 410), or null
 */
public record NotifyChannel(
        long id,
        String name,
        ChannelType type,
        String url,
        String team,
        String service,
        boolean signed,
        boolean enabled,
        String disabledReason,
        Instant updatedAt) {}
