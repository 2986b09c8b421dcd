package dev.firebreak.oncall;

/** A member of a team and their role in it. */
public record TeamMember(String username, TeamRole role) {}
