/**
 * Command risk classification of runbook code blocks, entered through {@link
 * dev.firebreak.runbook.internal.risk.CommandRiskClassifier}.
 *
 * <p>Policy, applied per command and maximised over a block:
 *
 * <ul>
 *   <li><b>read-only</b>: only observes (kubectl get, git log, SELECT, redis GET, curl GET, PromQL).
 *   <li><b>mutating</b>: changes state in a way that can be undone or re-applied (apply, restart,
 *       scale, rollout undo, INSERT, UPDATE ... WHERE, kill with SIGTERM, writing a file with {@code >}).
 *       Unknown commands, scripts, program code and interactive sessions are mutating too: the
 *       classifier fails safe rather than call something it cannot see read-only.
 *   <li><b>destructive</b>: loses data, history or availability for good (rm, kubectl delete, helm
 *       uninstall, docker rm/prune/kill, git clean -f / reset --hard / push --force, DROP, TRUNCATE,
 *       DELETE, UPDATE without WHERE, redis DEL/FLUSHALL, kill -9, pkill, reboot, dd, mkfs,
 *       terraform destroy, curl -X DELETE), or marked by its author (USE WITH CAUTION, WARNING,
 *       DANGER, irreversible) in a comment or in the prose around the block.
 * </ul>
 *
 * <p>Shell is parsed, not pattern-matched: {@link dev.firebreak.runbook.internal.risk.ShellScript}
 * reads logical lines (continuations, heredocs, transcripts), {@link
 * dev.firebreak.runbook.internal.risk.ShellParser} splits them into simple commands, and {@link
 * dev.firebreak.runbook.internal.risk.ShellRisk} judges each through the {@link
 * dev.firebreak.runbook.internal.risk.CommandCatalog}. All scans are linear and nesting is capped,
 * so any block, however large or malformed, is classified in bounded time.
 */
package dev.firebreak.runbook.internal.risk;
