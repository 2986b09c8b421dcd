package dev.firebreak.execution;

/** Receives a run's output as it comes, already redacted, in order, one call per line or chunk. */
@FunctionalInterface
public interface OutputSink {

    void accept(String chunk);

    OutputSink NONE = chunk -> {};
}
