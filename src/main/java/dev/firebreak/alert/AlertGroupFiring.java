package dev.firebreak.alert;

/**
 * A group has firing alerts to act on: after group_wait for a new group, after group_interval when
 * alerts were added or changed, and every repeat_interval while it keeps firing.
 */
public record AlertGroupFiring(AlertGroup group) {}
