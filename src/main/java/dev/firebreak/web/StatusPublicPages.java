package dev.firebreak.web;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.statuspage.PageView;
import dev.firebreak.statuspage.PageView.ComponentView;
import dev.firebreak.statuspage.StatusPages;
import dev.firebreak.statuspage.StatusSubscriptions;
import dev.firebreak.statuspage.Subscriber;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public status page: {@code /status/{slug}} as HTML (its own layout, no navigation, no script,
 * nothing from a CDN), {@code history.atom}, and the subscribe, confirm and unsubscribe pages.
 * Confirm and unsubscribe links show a button first (a GET is what mail scanners follow); the
 * unsubscribe POST is also RFC 8058's one click.
 */
@Controller
class StatusPublicPages {
    private final StatusPages pages;
    private final StatusSubscriptions subscriptions;
    private final StatusAtomFeed feed;

    StatusPublicPages(StatusPages pages, StatusSubscriptions subscriptions, StatusAtomFeed feed) {
        this.pages = pages;
        this.subscriptions = subscriptions;
        this.feed = feed;
    }

    /** Components under their group headings, in order; ungrouped ones under an empty heading. */
    record Group(String name, List<ComponentView> components) {}

    @GetMapping("/status/{slug}")
    String page(@PathVariable String slug, Model model) {
        PageView view = pages.view(slug);
        Map<String, List<ComponentView>> groups = new LinkedHashMap<>();
        for (ComponentView component : view.components()) {
            String group = component.component().group() == null
                    ? ""
                    : component.component().group();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(component);
        }
        model.addAttribute("view", view);
        model.addAttribute(
                "groups",
                groups.entrySet().stream()
                        .map(e -> new Group(e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute(
                "resolved",
                view.publicIncidents().stream()
                        .filter(i -> i.statusAt(view.now()).finished())
                        .toList());
        model.addAttribute("zone", java.time.ZoneId.of(view.page().timeZone()));
        return "status-public";
    }

    @GetMapping(value = "/status/{slug}/history.atom", produces = "application/atom+xml")
    ResponseEntity<String> atom(@PathVariable String slug) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic())
                .body(feed.render(pages.view(slug)));
    }

    @PostMapping("/status/{slug}/subscribe")
    String subscribe(
            @PathVariable String slug,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String endpoint,
            HttpServletRequest request,
            Model model) {
        var subscribed = subscriptions.subscribe(slug, email, endpoint, request.getRemoteAddr());
        return message(
                model,
                slug,
                "Check your " + ("email".equals(subscribed.kind()) ? "inbox" : "webhook"),
                "We sent a confirmation link. Nothing else is sent until you follow it.",
                subscribed.webhookSecret());
    }

    @GetMapping("/status/{slug}/confirm")
    String confirmForm(@PathVariable String slug, @RequestParam(required = false) String token, Model model) {
        pages.page(slug);
        model.addAttribute("action", "/status/" + slug + "/confirm");
        model.addAttribute("token", token);
        model.addAttribute("button", "Confirm subscription");
        return message(model, slug, "Confirm your subscription", null, null);
    }

    @PostMapping("/status/{slug}/confirm")
    String confirm(@PathVariable String slug, @RequestParam(required = false) String token, Model model) {
        Subscriber subscriber = subscriptions.confirm(slug, token);
        return message(
                model,
                slug,
                "Subscribed",
                "Updates of this page now go to " + subscriber.address() + ". Every message has a link to unsubscribe.",
                null);
    }

    @GetMapping("/status/{slug}/unsubscribe")
    String unsubscribeForm(@PathVariable String slug, @RequestParam(required = false) String token, Model model) {
        pages.page(slug);
        model.addAttribute("action", "/status/" + slug + "/unsubscribe");
        model.addAttribute("token", token);
        model.addAttribute("button", "Unsubscribe");
        return message(model, slug, "Unsubscribe from updates", null, null);
    }

    /** A browser's form or a mail client's one click ({@code List-Unsubscribe=One-Click}). */
    @PostMapping("/status/{slug}/unsubscribe")
    String unsubscribe(@PathVariable String slug, @RequestParam(required = false) String token, Model model) {
        subscriptions.unsubscribe(slug, token);
        return message(model, slug, "Unsubscribed", "No more updates of this page will be sent to you.", null);
    }

    /** Errors as a plain public page: never the app's layout, never a stack trace. */
    @ExceptionHandler(FirebreakException.class)
    String refused(FirebreakException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        if (e instanceof FirebreakException.TooSoon tooSoon) {
            response.setHeader("Retry-After", Long.toString(tooSoon.retryAfterSeconds()));
        }
        return message(model, null, e.status().getReasonPhrase(), e.getMessage(), null);
    }

    private static String message(Model model, String slug, String title, String text, String secret) {
        model.addAttribute("slug", slug);
        model.addAttribute("title", title);
        model.addAttribute("text", text);
        model.addAttribute("secret", secret);
        return "status-message";
    }
}
