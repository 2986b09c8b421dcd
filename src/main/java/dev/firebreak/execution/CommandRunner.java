package dev.firebreak.execution;

/**
 * Runs one rendered command somewhere. The local shell is the first; SSH or Kubernetes runners
 * implement the same contract: stream redacted output to the sink, stop at the timeout, never throw
 * for the command's own failure (that is the result's exit code).
 */
public interface CommandRunner {

    /** Where and as whom this runner runs, for the dry run ("local shell on host as user in dir"). */
    String describe();

    RunOutcome run(RunRequest request, OutputSink sink);
}
