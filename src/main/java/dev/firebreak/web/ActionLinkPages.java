package dev.firebreak.web;

import dev.firebreak.notify.ActionLink;
import dev.firebreak.notify.ActionLinkRefused;
import dev.firebreak.notify.ActionLinks;
import dev.firebreak.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Acknowledge and resolve links from pages, without a login: GET shows what the link would do and a
 * button (mail scanners that fetch links change nothing), POST does it as the person paged. A POST
 * that asks for JSON (ntfy's {@code http} action does) gets the result as JSON, a refusal as
 * problem+json; anything else gets the page.
 */
@Controller
class ActionLinkPages {
    private final ActionLinks links;
    private final dev.firebreak.oncall.People people;

    ActionLinkPages(ActionLinks links, dev.firebreak.oncall.People people) {
        this.links = links;
        this.people = people;
    }

    @GetMapping("/act/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            ActionLink link = links.inspect(token);
            model.addAttribute("link", link);
            model.addAttribute("viewerZone", zoneOf(link.username()));
            model.addAttribute("token", token);
            return "act";
        } catch (ActionLinkRefused refused) {
            return refused(refused, model, response);
        }
    }

    @PostMapping("/act/{token}")
    Object perform(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        boolean json = wantsJson(request);
        try {
            ActionLink done = links.perform(token);
            if (json) {
                return ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(done);
            }
            model.addAttribute("link", done);
            model.addAttribute("viewerZone", zoneOf(done.username()));
            model.addAttribute("done", true);
            return "act";
        } catch (ActionLinkRefused refused) {
            if (json) {
                ProblemDetail problem = ProblemWriter.problem(refused, "/act");
                problem.setProperty("reason", reason(refused));
                return ResponseEntity.status(refused.status())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem);
            }
            return refused(refused, model, response);
        }
    }

    /** An Accept that names JSON and not HTML: an app, not a browser's form. */
    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        boolean html = types.stream().anyMatch(t -> t.isCompatibleWith(MediaType.TEXT_HTML) && !t.isWildcardType());
        boolean json = types.stream()
                .anyMatch(t -> !t.isWildcardType()
                        && (t.isCompatibleWith(MediaType.APPLICATION_JSON)
                                || t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
        return json && !html;
    }

    /**
     * Nobody is logged in here: times show in the zone of the person paged, who opens the link, when
     * their profile names one, else in the browser's.
     */
    private String zoneOf(String username) {
        try {
            return people.get(username).timeZone();
        } catch (RuntimeException noProfile) {
            return null;
        }
    }

    private static String reason(ActionLinkRefused refused) {
        return refused.reason().name().toLowerCase(Locale.ROOT);
    }

    private static String refused(ActionLinkRefused refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("refused", refused.getMessage());
        model.addAttribute("reason", reason(refused));
        return "act";
    }
}
