package dev.firebreak.execution;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered script and how to run it.
 *
 * @param script the command text with every parameter already shell-quoted
 * @param environment extra variables, on top of the runner's scrubbed environment
 * @param timeout after this the whole process tree is killed
 * @param outputCap bytes of output kept; the rest is counted, not stored
 */
public record RunRequest(String script, Map<String, String> environment, Duration timeout, long outputCap) {
    public RunRequest {
        Objects.requireNonNull(script, "script");
        environment = Map.copyOf(environment);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (outputCap < 0) {
            throw new IllegalArgumentException("outputCap must not be negative");
        }
    }
}
