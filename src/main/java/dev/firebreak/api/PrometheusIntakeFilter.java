package dev.firebreak.api;

import dev.firebreak.alert.AlertIntake;
import dev.firebreak.alert.IntakeException;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.web.ProblemWriter;
import dev.firebreak.platform.web.RequestSizeLimitFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * {@code POST /api/v2/alerts}, the busiest endpoint, answered before Spring Security and Spring MVC.
 * Prometheus authenticates with an integration key that the intake checks itself, so neither adds
 * anything here, while their ~20 filters, handler lookup and argument resolution cost more CPU per
 * request than the intake does (docs/benchmarks.md). It runs after the metrics and body-size
 * filters, so requests are still measured and limited; the answers are those of the controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PrometheusIntakeFilter implements Filter {
    static final String PATH = "/api/v2/alerts";
    private static final Logger log = LoggerFactory.getLogger(PrometheusIntakeFilter.class);

    private final AlertIntake intake;
    private final ProblemWriter problems;

    PrometheusIntakeFilter(AlertIntake intake, ProblemWriter problems) {
        this.intake = intake;
        this.problems = problems;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        // The servlet path: decoded, without the context path or ;parameters, as MVC matched it.
        if (!"POST".equals(request.getMethod())
                || !PATH.equals(request.getServletPath())
                || request.getPathInfo() != null) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        secure(request, response);
        // The request metrics name the endpoint as MVC would have (otherwise uri="UNKNOWN").
        Optional<ServerRequestObservationContext> observation =
                ServerHttpObservationFilter.findObservationContext(request);
        observation.ifPresent(c -> c.setPathPattern(PATH));
        try {
            if (!json(request.getContentType())) {
                response.setHeader(HttpHeaders.ACCEPT, "application/json, application/*+json");
                throw new IntakeException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Type '" + request.getContentType() + "' is not supported; send application/json");
            }
            intake.prometheus(AlertIntakeController.key(request.getHeader(HttpHeaders.AUTHORIZATION)), body(request));
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (FirebreakException e) {
            refuse(e, request, response);
        } catch (RuntimeException e) {
            observation.ifPresent(c -> c.setError(e));
            String id = UUID.randomUUID().toString();
            log.error("unexpected error {} on POST {}", id, PATH, e);
            ProblemDetail problem = ProblemWriter.problem(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "unexpected server error; the server log has details under id " + id,
                    PATH);
            problem.setProperty("errorId", id);
            problems.write(response, problem);
        }
    }

    /**
     * The headers Spring Security's default header writers put on every answer of the intake chain,
     * which this filter runs ahead of.
     */
    private static void secure(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setHeader(HttpHeaders.EXPIRES, "0");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }

    /** application/json or application/*+json, as the controller's {@code consumes} allowed. */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static byte[] body(HttpServletRequest request) {
        try {
            return request.getInputStream().readAllBytes();
        } catch (RequestSizeLimitFilter.BodyTooLargeException e) {
            throw new IntakeException(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        } catch (IOException e) {
            throw new IntakeException(HttpStatus.BAD_REQUEST, "could not read the request body: " + e.getMessage());
        }
    }

    /** The problem+json the controller's and the global handlers write, with their headers. */
    private void refuse(FirebreakException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ProblemDetail problem = ProblemWriter.problem(e.status(), e.getMessage(), request.getRequestURI());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        if (e instanceof IntakeException.RateLimited limited) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        problems.write(response, problem);
    }
}
