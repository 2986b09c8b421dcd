package dev.firebreak.execution;

/** Steps done or skipped of the procedures an incident works through (those with a touched step). */
public record ChecklistProgress(long finished, long total) {}
