package dev.firebreak.alert;

/** Why a routing configuration is invalid, at which line (1-based) of its YAML. */
public record RoutingProblem(int line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
