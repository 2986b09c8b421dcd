package dev.firebreak.oncall;

/** A team was deleted: schedules and policies that name it should say so. */
public record TeamDeleted(String team) {}
