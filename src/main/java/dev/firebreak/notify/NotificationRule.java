package dev.firebreak.notify;

import java.time.Duration;

/**
 * "Email at once, push after 2 minutes": one contact method, how long after a page, for one urgency.
 *
 * @param id 0 for a rule not saved yet
 */
public record NotificationRule(long id, Urgency urgency, long contactMethodId, Duration delay) {}
