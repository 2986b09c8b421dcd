package dev.firebreak.escalation;

/** A policy was created, replaced ({@code version} > 1) or deleted. */
public record EscalationPolicyChanged(String name, int version, boolean deleted, String by) {}
