package dev.firebreak.api;

import dev.firebreak.alert.InvalidRouting;
import dev.firebreak.alert.RouteMatch;
import dev.firebreak.alert.RoutingConfigs;
import dev.firebreak.alert.RoutingProblem;
import dev.firebreak.alert.RoutingVersion;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routing tree as YAML: {@code GET /api/v1/routing} answers the active YAML, {@code PUT} (admins)
 * replaces it, {@code /validate} lists problems without saving, {@code /test} routes a label set.
 */
@RestController
@RequestMapping("/api/v1/routing")
class RoutingController {
    private final RoutingConfigs routing;

    RoutingController(RoutingConfigs routing) {
        this.routing = routing;
    }

    record Validation(boolean valid, List<RoutingProblem> problems) {}

    record TestRequest(Map<String, String> labels, String yaml) {}

    @GetMapping(produces = {"application/yaml", MediaType.TEXT_PLAIN_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<String> get() {
        RoutingVersion current = routing.current();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                .header("Firebreak-Routing-Version", Integer.toString(current.version()))
                .body(current.yaml());
    }

    @GetMapping(value = "/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RoutingVersion> versions() {
        return routing.versions();
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    RoutingVersion put(@RequestBody(required = false) byte[] body, Principal principal) {
        return routing.save(text(body), principal.getName());
    }

    @PostMapping("/validate")
    Validation validate(@RequestBody(required = false) byte[] body) {
        List<RoutingProblem> problems = routing.validate(text(body));
        return new Validation(problems.isEmpty(), problems);
    }

    @PostMapping(value = "/test", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<RouteMatch> test(@RequestBody TestRequest request) {
        if (request == null || request.labels() == null) {
            throw new FirebreakException.BadInput(
                    "labels", "give the alert's labels: {\"labels\": {\"alertname\": ...}}");
        }
        return routing.test(request.labels(), request.yaml());
    }

    /** Every problem with its line, so an editor can mark them all. */
    @ExceptionHandler(InvalidRouting.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRouting e, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(e.status(), e.getMessage(), request.getRequestURI());
        problem.setProperty("field", "yaml");
        problem.setProperty("line", e.problems().getFirst().line());
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> Map.of("field", "yaml", "line", p.line(), "message", p.message()))
                        .toList());
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
