package dev.firebreak.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors on Alertmanager's API v2 as Alertmanager answers them: a JSON string with Content-Type
 * application/json. amtool's generated client has no consumer for problem+json, so it could not
 * even show a 401. Runs outside Spring Security, so its 401 and 403 are rewritten too; the
 * Prometheus intake ({@code POST /api/v2/alerts}) is answered before and keeps problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class AlertmanagerErrorFilter extends OncePerRequestFilter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/v2/") || PrometheusIntakeFilter.handles(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            String type = wrapper.getContentType();
            if (type != null && type.startsWith("application/problem+json")) {
                String message = message(wrapper.getContentAsByteArray(), wrapper.getStatus());
                wrapper.resetBuffer();
                wrapper.setContentType("application/json");
                wrapper.getOutputStream().write(JSON.writeValueAsBytes(message));
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    /** The problem's detail (with the field it names), else its title. */
    static String message(byte[] problem, int status) {
        try {
            JsonNode node = JSON.readTree(new String(problem, StandardCharsets.UTF_8));
            String detail = node.path("detail").asString("");
            if (detail.isEmpty()) {
                detail = node.path("title").asString("HTTP " + status);
            }
            String field = node.path("field").asString("");
            return field.isEmpty() || detail.contains(field) ? detail : field + ": " + detail;
        } catch (RuntimeException e) {
            return "HTTP " + status;
        }
    }
}
