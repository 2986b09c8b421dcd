package dev.firebreak.oncall;

import java.util.List;

/** A team: its members in the order they were added, and the services it owns. */
public record Team(String name, String description, List<TeamMember> members, List<String> services) {}
