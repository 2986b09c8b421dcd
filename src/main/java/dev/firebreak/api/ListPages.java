package dev.firebreak.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * How list endpoints page, the same everywhere: the body stays a JSON array; {@code Link:
 * <...&before=CURSOR>; rel="next"} (RFC 8288, as GitHub's API) points at the next page while there
 * is one, {@code X-Total-Count} gives the number of matches when it is known, and its absence with
 * a {@code next} link says the count was not taken (text filters).
 */
final class ListPages {
    static final String TOTAL = "X-Total-Count";

    private ListPages() {}

    /** The answer for one page; {@code next} is the following page's {@code before} cursor. */
    static <T> ResponseEntity<List<T>> of(List<T> items, Object next, Long total) {
        return of(items, "before", next, total);
    }

    /**
     * A page of a feed read forward ({@code ?after=ID}, oldest first): a full page may have more
     * after its last id.
     */
    static <T> ResponseEntity<List<T>> after(List<T> items, int limit, java.util.function.ToLongFunction<T> id) {
        Object next = items.size() >= limit && !items.isEmpty() ? id.applyAsLong(items.getLast()) : null;
        return of(items, "after", next, null);
    }

    private static <T> ResponseEntity<List<T>> of(List<T> items, String cursor, Object next, Long total) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (next != null) {
            // Relative: the next page is on whatever host the client reached, whoever named it.
            HttpServletRequest request =
                    ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
            String url = UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString())
                    .replaceQueryParam(cursor, next)
                    .build(true)
                    .toUriString();
            answer.header(HttpHeaders.LINK, "<" + url + ">; rel=\"next\"");
        }
        if (total != null) {
            answer.header(TOTAL, Long.toString(total));
        }
        return answer.body(items);
    }
}
