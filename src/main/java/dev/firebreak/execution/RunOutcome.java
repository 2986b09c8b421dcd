package dev.firebreak.execution;

import java.time.Duration;

/**
 * How a run ended.
 *
 * @param exitCode the command's exit code, or null when it was killed or could not start
 * @param timedOut the timeout fired and the process tree was killed
 * @param output the kept output, redacted, at most the request's cap
 * @param droppedBytes output past the cap, counted and not kept
 * @param duration from start to the end of the process tree
 * @param error why the command could not start, else null
 */
public record RunOutcome(
        Integer exitCode, boolean timedOut, String output, long droppedBytes, Duration duration, String error) {

    public boolean succeeded() {
        return exitCode != null && exitCode == 0 && !timedOut && error == null;
    }
}
