package dev.firebreak.runbook.internal.risk;

/**
 * The risk of one command line of a block, for showing risk next to each line when executing.
 *
 * @param line zero-based index of the physical line where the command starts
 * @param command the command text (continuations joined, prompt removed)
 * @param risk read-only, mutating or destructive
 * @param reason what raised it
 */
public record LineAssessment(int line, String command, String risk, String reason) {}
