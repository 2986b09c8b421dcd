package dev.firebreak.api;

import dev.firebreak.alert.AlertIntake;
import dev.firebreak.alert.IntakeException;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.ApiTokens;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.platform.web.ProblemWriter;
import dev.firebreak.platform.web.RequestSizeLimitFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v2/alerts}, the busiest endpoint, answered before Spring Security and Spring MVC.
 * Prometheus authenticates with an integration key that the intake checks itself, so neither adds
 * anything here, while their ~20 filters, handler lookup and argument resolution cost more CPU per
 * request than the intake does (docs/benchmarks.md). It runs after the body-size filter, so
 * requests are still limited; the answers are those of the controller. It times its requests into
 * {@code http.server.requests} itself, with the tags Spring's observation gives: the observation
 * cost the request threads a quarter of their time, so {@link IntakeObservationPredicate} turns it
 * off here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PrometheusIntakeFilter implements Filter {
    static final String PATH = "/api/v2/alerts";

    private final AlertIntake intake;
    private final ApiTokens tokens;
    private final ProblemWriter problems;
    private final MeterRegistry meters;
    private final Timer accepted;

    PrometheusIntakeFilter(
            AlertIntake intake, ApiTokens tokens, ProblemWriter problems, ObjectProvider<MeterRegistry> meters) {
        this.intake = intake;
        this.tokens = tokens;
        this.problems = problems;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.accepted = timer(HttpServletResponse.SC_OK, null);
    }

    /** Whether this filter answers the request: the servlet path, decoded, as MVC matched it. */
    static boolean handles(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && PATH.equals(request.getServletPath())
                && request.getPathInfo() == null;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!handles(request)) {
            chain.doFilter(req, res);
            return;
        }
        long start = System.nanoTime();
        HttpServletResponse response = (HttpServletResponse) res;
        secure(request, response);
        RuntimeException unexpected = null;
        try {
            if (!json(request.getContentType())) {
                response.setHeader(HttpHeaders.ACCEPT, "application/json, application/*+json");
                throw new IntakeException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Type '" + request.getContentType() + "' is not supported; send application/json");
            }
            String key = IntakeAnswers.key(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (ApiTokens.isToken(key)) {
                responder(key);
                intake.prometheusFromUser(body(request));
            } else {
                intake.prometheus(key, body(request));
            }
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (FirebreakException e) {
            refuse(e, request, response);
        } catch (RuntimeException e) {
            unexpected = e;
            problems.write(response, ProblemWriter.unexpected(e, "POST", PATH));
        } finally {
            int status = response.getStatus();
            Timer timer =
                    status == HttpServletResponse.SC_OK && unexpected == null ? accepted : timer(status, unexpected);
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** amtool sends a user's API token: it must belong to a responder or an admin. */
    private void responder(String token) {
        UserAccount user = tokens.authenticate(token)
                .orElseThrow(() -> IntakeException.unauthorized("unknown, expired or revoked API token"));
        if (user.role() == Role.VIEWER) {
            throw new IntakeException(HttpStatus.FORBIDDEN, "a viewer's token cannot send alerts");
        }
    }

    /** As Spring's server observation names a status. */
    static String outcome(int status) {
        HttpStatus.Series series = HttpStatus.Series.resolve(status);
        return series == null
                ? "UNKNOWN"
                : switch (series) {
                    case INFORMATIONAL -> "INFORMATIONAL";
                    case SUCCESSFUL -> "SUCCESS";
                    case REDIRECTION -> "REDIRECTION";
                    case CLIENT_ERROR -> "CLIENT_ERROR";
                    case SERVER_ERROR -> "SERVER_ERROR";
                };
    }

    /** The timer Spring's server observation would have fed, with the same tag keys. */
    private Timer timer(int status, RuntimeException error) {
        String exception = error == null ? "none" : error.getClass().getSimpleName();
        return Timer.builder("http.server.requests")
                .tags(
                        "error",
                        exception,
                        "exception",
                        exception,
                        "method",
                        "POST",
                        "outcome",
                        outcome(status),
                        "status",
                        Integer.toString(status),
                        "uri",
                        PATH)
                .register(meters);
    }

    /**
     * The headers Spring Security's default header writers put on every answer of the intake chain,
     * which this filter runs ahead of.
     */
    private static void secure(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Referrer-Policy", "no-referrer");
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
        IntakeAnswers.refusalHeaders(e).forEach(response::setHeader);
        problems.write(response, ProblemWriter.problem(e, request.getRequestURI()));
    }
}
