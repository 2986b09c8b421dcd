package dev.firebreak.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Policies from runbooks' escalation matrices ({@code firebreak.escalation.runbooks.*}).
 *
 * @param autoCreate make a policy for every runbook that has an escalation matrix when the runbook
 *     changes (default true); when false only policies an admin created from a runbook follow it
 */
@ConfigurationProperties("firebreak.escalation.runbooks")
public record RunbookPolicyProperties(@DefaultValue("true") boolean autoCreate) {}
