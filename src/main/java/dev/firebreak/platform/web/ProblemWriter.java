package dev.firebreak.platform.web;

import dev.firebreak.platform.FirebreakException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem+json where no controller runs: security filters, size limits, /error. */
@Component
public class ProblemWriter {
    private static final Logger log = LoggerFactory.getLogger(ProblemWriter.class);
    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        if (instance != null) {
            problem.setInstance(URI.create(instance.replace(" ", "%20")));
        }
        return problem;
    }

    /** A Firebreak exception: its status and message, and the offending field when it names one. */
    public static ProblemDetail problem(FirebreakException e, String instance) {
        ProblemDetail problem = problem(e.status(), e.getMessage(), instance);
        if (e.field() != null) {
            problem.setProperty("field", e.field());
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return problem;
    }

    /** A 500 without the stack trace, which goes to the log under an id the answer names. */
    public static ProblemDetail unexpected(Throwable e, String method, String instance) {
        String id = UUID.randomUUID().toString();
        log.error("unexpected error {} on {} {}", id, method, instance, e);
        ProblemDetail problem = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "unexpected server error; the server log has details under id " + id,
                instance);
        problem.setProperty("errorId", id);
        return problem;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
