package dev.firebreak.platform.security;

import dev.firebreak.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer fbk_...} on the API. A bad token is answered at once
 * with 401 (it is never treated as anonymous), so a client learns its token is wrong.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {
    private final ApiTokens tokens;
    private final ProblemWriter problems;
    private final boolean otherCredentials;

    /**
     * @param otherCredentials whether a Bearer value that is no API token, or basic auth, passes on
     *     unauthenticated (an integration key the controller checks; basic auth whose password is
     *     an API token authenticates)
     */
    ApiTokenAuthenticationFilter(ApiTokens tokens, ProblemWriter problems, boolean otherCredentials) {
        this.tokens = tokens;
        this.problems = problems;
        this.otherCredentials = otherCredentials;
    }

    /** The API token the request sends, or null when it sends none this filter checks. */
    private String secret(String header) {
        boolean bearer = header != null && header.strip().regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer && !otherCredentials) {
            return null;
        }
        String value = ApiTokens.credential(header);
        return value == null || (otherCredentials && !value.startsWith(ApiTokens.PREFIX)) ? null : value;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = secret(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccount> user = tokens.authenticate(secret);
        if (user.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(
                    response,
                    ProblemWriter.problem(
                            HttpStatus.UNAUTHORIZED,
                            "the API token is unknown, expired or revoked",
                            request.getRequestURI()));
            return;
        }
        UserAccount account = user.get();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                account.username(),
                null,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
