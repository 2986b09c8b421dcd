package dev.firebreak.alert;

import dev.firebreak.platform.FirebreakException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A routing configuration was rejected; nothing changed. */
public final class InvalidRouting extends FirebreakException {
    private final List<RoutingProblem> problems;

    public InvalidRouting(List<RoutingProblem> problems) {
        super(
                HttpStatus.BAD_REQUEST,
                "invalid routing configuration: " + problems.getFirst()
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<RoutingProblem> problems() {
        return problems;
    }

    @Override
    public String field() {
        return "yaml";
    }
}
