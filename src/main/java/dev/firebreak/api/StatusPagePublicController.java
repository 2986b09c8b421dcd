package dev.firebreak.api;

import dev.firebreak.statuspage.StatusPages;
import dev.firebreak.statuspage.StatusSubscriptions;
import dev.firebreak.statuspage.StatuspageJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A status page's public API in Statuspage.io's v2 shape, under the page's own base ({@code
 * /status/{slug}/api/v2/...}), since Firebreak's {@code /api/v2} is Alertmanager's. No login;
 * errors are problem+json. Answers may be cached a little: pollers ask often.
 */
@RestController
@RequestMapping("/status/{slug}/api/v2")
class StatusPagePublicController {
    private static final CacheControl CACHE =
            CacheControl.maxAge(java.time.Duration.ofSeconds(10)).cachePublic();

    private final StatusPages pages;
    private final StatusSubscriptions subscriptions;
    private final StatuspageJson json;

    StatusPagePublicController(StatusPages pages, StatusSubscriptions subscriptions, StatuspageJson json) {
        this.pages = pages;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    @GetMapping("/status.json")
    ResponseEntity<Map<String, Object>> status(@PathVariable String slug) {
        return ok(json.status(pages.view(slug)));
    }

    @GetMapping("/summary.json")
    ResponseEntity<Map<String, Object>> summary(@PathVariable String slug) {
        return ok(json.summary(pages.view(slug)));
    }

    @GetMapping("/components.json")
    ResponseEntity<Map<String, Object>> components(@PathVariable String slug) {
        return ok(json.componentsOf(pages.view(slug)));
    }

    @GetMapping("/incidents.json")
    ResponseEntity<Map<String, Object>> incidents(@PathVariable String slug) {
        return ok(json.incidents(pages.view(slug), false));
    }

    @GetMapping("/incidents/unresolved.json")
    ResponseEntity<Map<String, Object>> unresolved(@PathVariable String slug) {
        return ok(json.incidents(pages.view(slug), true));
    }

    @GetMapping("/scheduled-maintenances.json")
    ResponseEntity<Map<String, Object>> maintenances(@PathVariable String slug) {
        return ok(json.maintenances(pages.view(slug), "all"));
    }

    @GetMapping("/scheduled-maintenances/upcoming.json")
    ResponseEntity<Map<String, Object>> upcoming(@PathVariable String slug) {
        return ok(json.maintenances(pages.view(slug), "upcoming"));
    }

    @GetMapping("/scheduled-maintenances/active.json")
    ResponseEntity<Map<String, Object>> active(@PathVariable String slug) {
        return ok(json.maintenances(pages.view(slug), "active"));
    }

    /** {@code {"email": "..."}} or {@code {"endpoint": "https://..."}}; a confirmation goes out first. */
    record SubscribeBody(String email, String endpoint) {}

    @PostMapping("/subscribers.json")
    ResponseEntity<StatusSubscriptions.Subscribed> subscribe(
            @PathVariable String slug, @RequestBody SubscribeBody body, HttpServletRequest request) {
        var subscribed = subscriptions.subscribe(
                slug,
                body == null ? null : body.email(),
                body == null ? null : body.endpoint(),
                request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(subscribed);
    }

    private static ResponseEntity<Map<String, Object>> ok(Map<String, Object> body) {
        return ResponseEntity.ok().cacheControl(CACHE).body(body);
    }
}
