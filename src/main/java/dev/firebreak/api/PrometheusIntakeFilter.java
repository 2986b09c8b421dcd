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
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
            problems.write(response, ProblemWriter.unexpected(e, "POST", PATH));
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

    /** The problem+json and headers the controller's and the global handlers answer with. */
    private void refuse(FirebreakException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        AlertIntakeController.refusalHeaders(e).forEach(response::setHeader);
        problems.write(response, ProblemWriter.problem(e, request.getRequestURI()));
    }
}
