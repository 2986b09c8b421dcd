package dev.firebreak.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** On the intake port only alert intake and health answer; everything else is 404 there. */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class IntakePortFilter extends OncePerRequestFilter {
    /** What senders and load balancers call: the intake paths of every kind, and health. */
    static final List<String> PATHS = List.of(
            "/api/v2/alerts",
            "/api/v1/integrations/*/alertmanager",
            "/api/v1/integrations/*/generic",
            "/v2/enqueue",
            "/v2/change/enqueue",
            "/api/v1/heartbeats/*/ping",
            "/-/healthy",
            "/-/ready",
            "/actuator/health",
            "/actuator/health/**");

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    private final ConnectionLimits connectors;
    private final ProblemWriter problems;

    IntakePortFilter(ConnectionLimits connectors, ProblemWriter problems) {
        this.connectors = connectors;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        int port = connectors.intakePort();
        return port < 0 || request.getLocalPort() != port;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The decoded, normalised path MVC matches, so "/actuator/health/../../login" is not health.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (PATHS.stream().anyMatch(p -> MATCHER.match(p, path))) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(
                response,
                ProblemWriter.problem(
                        HttpStatus.NOT_FOUND,
                        "this port serves alert intake and health only; the UI and the API are on the main port",
                        request.getRequestURI()));
    }
}
