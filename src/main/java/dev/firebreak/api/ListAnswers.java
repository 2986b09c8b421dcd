package dev.firebreak.api;

import java.util.Collection;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every list the REST API answers says how complete it is (docs/api.md): a paged list carries its
 * {@code Link} and {@code X-Total-Count} ({@link ListPages}); any other list is whole, so its size is
 * the total, unless it filled a {@code limit} the client gave, when {@code X-Capped: true} says
 * more may exist. The first and only page of a paged list is whole too; later pages are left alone.
 */
@ControllerAdvice(basePackageClasses = ListAnswers.class)
class ListAnswers implements ResponseBodyAdvice<Object> {
    static final String CAPPED = "X-Capped";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(body instanceof Collection<?> items)
                || request.getMethod() != HttpMethod.GET
                || !request.getURI().getPath().startsWith("/api/v1/")) {
            return body;
        }
        HttpHeaders headers = response.getHeaders();
        if (headers.containsHeader(HttpHeaders.LINK) || headers.containsHeader(ListPages.TOTAL)) {
            return body;
        }
        jakarta.servlet.http.HttpServletRequest servlet =
                request instanceof ServletServerHttpRequest s ? s.getServletRequest() : null;
        if (servlet != null && (servlet.getParameter("before") != null || servlet.getParameter("after") != null)) {
            return body; // a later page of a paged list: its size is not the total
        }
        String limit = servlet == null ? null : servlet.getParameter("limit");
        if (limit != null && limit.matches("[0-9]{1,9}") && items.size() >= Integer.parseInt(limit)) {
            headers.set(CAPPED, "true");
        } else {
            headers.set(ListPages.TOTAL, Integer.toString(items.size()));
        }
        return body;
    }
}
