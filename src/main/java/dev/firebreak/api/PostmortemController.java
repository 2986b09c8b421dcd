package dev.firebreak.api;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.web.Downloads;
import dev.firebreak.postmortem.ActionItem;
import dev.firebreak.postmortem.ActionItemStatus;
import dev.firebreak.postmortem.ActionItems;
import dev.firebreak.postmortem.Postmortem;
import dev.firebreak.postmortem.PostmortemState;
import dev.firebreak.postmortem.Postmortems;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Postmortems ({@code /api/v1/postmortems}, {@code /api/v1/incidents/{id}/postmortem}) and action
 * items ({@code /api/v1/action-items}). A save names the version it was made on, in the body or as
 * {@code If-Match}; the ETag of a postmortem is its version.
 */
@RestController
class PostmortemController {
    private final Postmortems postmortems;
    private final ActionItems items;

    PostmortemController(Postmortems postmortems, ActionItems items) {
        this.postmortems = postmortems;
        this.items = items;
    }

    record EditBody(String title, String markdown, Integer version) {}

    record StateBody(String state, Integer version) {}

    record PreviewBody(String markdown) {}

    record ItemBody(String title, String owner, Instant due, String preset, Boolean runbook, String status) {}

    @PostMapping("/api/v1/incidents/{id}/postmortem")
    @ResponseStatus(HttpStatus.CREATED)
    Postmortem draft(@PathVariable long id, Principal principal) {
        return postmortems.draft(id, principal.getName());
    }

    @GetMapping("/api/v1/incidents/{id}/postmortem")
    ResponseEntity<Postmortem> ofIncident(@PathVariable long id) {
        return tagged(postmortems
                .forIncident(id)
                .orElseThrow(() -> new FirebreakException.NotFound("incident " + id + " has no postmortem")));
    }

    @GetMapping("/api/v1/postmortems")
    List<Postmortem> list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "100") int limit) {
        return postmortems.list(state == null || state.isBlank() ? null : state(state), limit);
    }

    @GetMapping("/api/v1/postmortems/{id}")
    ResponseEntity<Postmortem> get(@PathVariable long id) {
        return tagged(postmortems.get(id));
    }

    @PutMapping("/api/v1/postmortems/{id}")
    ResponseEntity<Postmortem> edit(
            @PathVariable long id,
            @RequestBody(required = false) EditBody body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Principal principal) {
        EditBody b = body == null ? new EditBody(null, null, null) : body;
        return tagged(
                postmortems.edit(id, version(b.version(), ifMatch), b.title(), b.markdown(), principal.getName()));
    }

    @PostMapping("/api/v1/postmortems/{id}/state")
    ResponseEntity<Postmortem> move(
            @PathVariable long id,
            @RequestBody(required = false) StateBody body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Principal principal) {
        StateBody b = body == null ? new StateBody(null, null) : body;
        if (b.state() == null) {
            throw new FirebreakException.BadInput("state", "state is one of draft, in_review, published");
        }
        return tagged(postmortems.move(id, version(b.version(), ifMatch), state(b.state()), principal.getName()));
    }

    /** The postmortem as a file: {@code format=md} (Markdown with tracked action items), {@code pdf} or {@code html}. */
    @GetMapping("/api/v1/postmortems/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "md") String format) {
        String name = "postmortem-" + id;
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "md", "markdown" ->
                Downloads.attachment(
                        postmortems.markdown(id).getBytes(StandardCharsets.UTF_8),
                        MediaType.parseMediaType("text/markdown;charset=UTF-8"),
                        name + ".md");
            case "pdf" -> Downloads.attachment(postmortems.pdf(id), MediaType.APPLICATION_PDF, name + ".pdf");
            case "html" ->
                ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                        .body(postmortems.html(id).getBytes(StandardCharsets.UTF_8));
            default ->
                throw new FirebreakException.BadInput("format", "format is md, pdf or html, not '" + format + "'");
        };
    }

    @PostMapping("/api/v1/postmortems/preview")
    Map<String, String> preview(@RequestBody(required = false) PreviewBody body) {
        return Map.of("html", postmortems.preview(body == null ? "" : body.markdown()));
    }

    @GetMapping("/api/v1/postmortems/{id}/action-items")
    List<ActionItem> itemsOf(@PathVariable long id) {
        postmortems.get(id);
        return items.forPostmortem(id);
    }

    @PostMapping("/api/v1/postmortems/{id}/action-items")
    @ResponseStatus(HttpStatus.CREATED)
    ActionItem add(@PathVariable long id, @RequestBody(required = false) ItemBody body, Principal principal) {
        ItemBody b = body == null ? new ItemBody(null, null, null, null, null, null) : body;
        return items.add(
                id,
                new ActionItems.NewItem(b.title(), b.owner(), b.due(), b.preset(), Boolean.TRUE.equals(b.runbook())),
                principal.getName());
    }

    @GetMapping("/api/v1/action-items")
    List<ActionItem> listItems(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "100") int limit) {
        return items.list(status == null || status.isBlank() ? null : status(status), owner, overdue, limit);
    }

    @GetMapping("/api/v1/action-items/{id}")
    ActionItem item(@PathVariable long id) {
        return items.get(id);
    }

    @PatchMapping("/api/v1/action-items/{id}")
    ActionItem change(@PathVariable long id, @RequestBody(required = false) ItemBody body, Principal principal) {
        ItemBody b = body == null ? new ItemBody(null, null, null, null, null, null) : body;
        return items.change(
                id,
                new ActionItems.Change(b.title(), b.owner(), b.due(), b.status() == null ? null : status(b.status())),
                principal.getName());
    }

    private static ResponseEntity<Postmortem> tagged(Postmortem postmortem) {
        return ResponseEntity.ok().eTag("\"" + postmortem.version() + "\"").body(postmortem);
    }

    private static int version(Integer body, String ifMatch) {
        if (body != null) {
            return body;
        }
        if (ifMatch != null && ifMatch.strip().matches("(W/)?\"?\\d{1,9}\"?")) {
            return Integer.parseInt(ifMatch.strip().replaceAll("\\D", ""));
        }
        throw new FirebreakException.BadInput(
                "version", "name the version you edited (\"version\" in the body, or If-Match: \"<version>\")");
    }

    static PostmortemState state(String text) {
        try {
            return PostmortemState.valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new FirebreakException.BadInput(
                    "state", "state is one of draft, in_review, published, not '" + text + "'");
        }
    }

    static ActionItemStatus status(String text) {
        try {
            return ActionItemStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FirebreakException.BadInput(
                    "status", "status is one of open, done, cancelled, not '" + text + "'");
        }
    }
}
