/**
 * Guarded command execution: a runbook command rendered with its parameters shell-quoted, classed by
 * risk, and run by a {@link dev.firebreak.execution.CommandRunner} with a timeout that kills the whole
 * process tree, capped output and secrets redacted before anything is stored or shown.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command execution")
package dev.firebreak.execution;
