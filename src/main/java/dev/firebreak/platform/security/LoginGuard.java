package dev.firebreak.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The form login's throttle: a filter that refuses a login while its account or address must wait
 * (before the password is even checked, so waiting cannot be skipped by guessing right), and the
 * success and failure handlers that count and audit each attempt.
 */
final class LoginGuard extends OncePerRequestFilter implements AuthenticationFailureHandler {
    private final LoginThrottle throttle;
    private final SecurityAudit audit;
    private final SavedRequestAwareAuthenticationSuccessHandler success;
    private static final Duration AUDIT_EVERY = Duration.ofSeconds(10);
    private final java.util.Map<String, Long> lastAudited = new java.util.concurrent.ConcurrentHashMap<>();

    LoginGuard(LoginThrottle throttle, SecurityAudit audit) {
        this.throttle = throttle;
        this.audit = audit;
        this.success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws ServletException, IOException {
                throttle.succeeded(request.getParameter("username"), request.getRemoteAddr());
                audit.record(
                        SecurityEventKind.LOGIN_SUCCEEDED, authentication.getName(), request.getRemoteAddr(), null);
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        success.setDefaultTargetUrl("/");
    }

    SavedRequestAwareAuthenticationSuccessHandler successHandler() {
        return success;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        Optional<Duration> wait = throttle.attempt(username, request.getRemoteAddr());
        if (wait.isPresent()) {
            if (firstRefusal(username, request.getRemoteAddr())) {
                audit.record(
                        SecurityEventKind.LOGIN_THROTTLED,
                        username,
                        request.getRemoteAddr(),
                        "refused for " + seconds(wait.get()) + " s more");
            }
            refuse(request, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = request.getParameter("username");
        // The attempt was counted before the password was checked; this says whether it must wait.
        Optional<Duration> wait = throttle.blocked(username, request.getRemoteAddr());
        audit.record(
                SecurityEventKind.LOGIN_FAILED,
                username,
                request.getRemoteAddr(),
                exception.getClass().getSimpleName()
                        + wait.map(w -> "; next try in " + seconds(w) + " s").orElse(""));
        if (wait.isPresent()) {
            refuse(request, response, wait.get());
        } else {
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }

    /**
     * Whether a refusal is worth an audit row: a script hammering a throttled login would write one
     * per request, so at most one per account and address every {@link #AUDIT_EVERY}.
     */
    private boolean firstRefusal(String username, String address) {
        long now = System.nanoTime();
        if (lastAudited.size() > 10_000) {
            lastAudited.clear();
        }
        String key = address + "|" + username;
        Long before = lastAudited.get(key);
        if (before != null && now - before < AUDIT_EVERY.toNanos()) {
            return false;
        }
        lastAudited.put(key, now);
        return true;
    }

    /** Back to the login page, which says how long to wait; Retry-After for scripts. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(seconds(wait)));
        response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds(wait));
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
