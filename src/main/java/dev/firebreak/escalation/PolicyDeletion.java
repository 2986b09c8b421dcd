package dev.firebreak.escalation;

import java.util.List;

/** A deleted policy and what the admin should know: incidents it was paging stop at their next step. */
public record PolicyDeletion(String name, List<String> warnings) {}
