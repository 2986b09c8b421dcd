package dev.firebreak.execution;

/**
 * The result of checking the execution audit's hash chain.
 *
 * @param rows entries checked
 * @param firstBad the sequence number of the first entry that does not match, or null
 * @param problem what is wrong there (changed, missing, truncated), or null when intact
 */
public record AuditVerification(long rows, boolean intact, Long firstBad, String problem) {}
