package dev.firebreak.alert;

/** Every alert of a group is resolved. */
public record AlertGroupResolved(AlertGroup group) {}
