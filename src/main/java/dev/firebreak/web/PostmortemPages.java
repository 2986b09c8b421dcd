package dev.firebreak.web;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.UserAccounts;
import dev.firebreak.postmortem.ActionItemStatus;
import dev.firebreak.postmortem.ActionItems;
import dev.firebreak.postmortem.DuePreset;
import dev.firebreak.postmortem.Postmortem;
import dev.firebreak.postmortem.PostmortemState;
import dev.firebreak.postmortem.Postmortems;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Postmortem pages: the list, one postmortem with its Markdown editor and live preview, state,
 * exports and action items. A save on an old version shows the page again with the author's text
 * kept in the editor and the newer version beside it, so nothing typed is lost.
 */
@Controller
class PostmortemPages {
    private final Postmortems postmortems;
    private final ActionItems items;
    private final UserAccounts users;
    private final Clock clock;

    PostmortemPages(Postmortems postmortems, ActionItems items, UserAccounts users, Clock clock) {
        this.postmortems = postmortems;
        this.items = items;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/postmortems")
    String list(@RequestParam(required = false) String state, Model model) {
        PostmortemState filter = null;
        if (state != null && !state.isBlank()) {
            try {
                filter = PostmortemState.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FirebreakException.BadInput("state", "state is draft, in_review or published");
            }
        }
        model.addAttribute("activeNav", "postmortems");
        model.addAttribute("state", filter);
        model.addAttribute("postmortems", postmortems.list(filter, 200));
        model.addAttribute("overdue", items.list(null, null, true, 100));
        model.addAttribute("now", clock.instant());
        return "postmortems";
    }

    @PostMapping("/incidents/{id}/postmortem")
    String draft(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        try {
            return "redirect:/postmortems/"
                    + postmortems.draft(id, user.getName()).id();
        } catch (FirebreakException.Conflict | FirebreakException.Forbidden e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/incidents/" + id;
        }
    }

    @GetMapping("/postmortems/{id}")
    String show(@PathVariable long id, Model model) {
        return page(postmortems.get(id), null, model);
    }

    /** Saves the editor's text; on a stale version the page comes back with the text still in it. */
    @PostMapping("/postmortems/{id}")
    String save(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String markdown,
            Principal user,
            Model model,
            RedirectAttributes redirect) {
        try {
            postmortems.edit(id, version, title, markdown, user.getName());
        } catch (FirebreakException.Conflict | FirebreakException.BadInput e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("theirs", postmortems.get(id));
            return page(new Postmortem(id, 0, title, null, markdown, version, null, null, null, null, null), e, model);
        }
        redirect.addFlashAttribute("message", "Saved.");
        return "redirect:/postmortems/" + id;
    }

    @PostMapping("/postmortems/{id}/state")
    String move(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam String state,
            Principal user,
            RedirectAttributes redirect) {
        return act(id, "", redirect, () -> {
            PostmortemState to = PostmortemState.valueOf(state.toUpperCase(Locale.ROOT));
            postmortems.move(id, version, to, user.getName());
            return "Now " + to.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
        });
    }

    /** The editor's live preview (htmx): the same sanitized rendering as the saved page. */
    @PostMapping(value = "/postmortems/preview", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String preview(@RequestParam(required = false) String markdown) {
        try {
            return postmortems.preview(markdown);
        } catch (FirebreakException.BadInput e) {
            return "<p class=\"alert error\">" + org.springframework.web.util.HtmlUtils.htmlEscape(e.getMessage())
                    + "</p>";
        }
    }

    @GetMapping("/postmortems/{id}/export.md")
    ResponseEntity<byte[]> markdown(@PathVariable long id) {
        return file(postmortems.markdown(id).getBytes(StandardCharsets.UTF_8), "text/markdown;charset=UTF-8", id, "md");
    }

    @GetMapping("/postmortems/{id}/export.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return file(postmortems.pdf(id), MediaType.APPLICATION_PDF_VALUE, id, "pdf");
    }

    @PostMapping("/postmortems/{id}/action-items")
    String addItem(
            @PathVariable long id,
            @RequestParam String title,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String preset,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "false") boolean runbook,
            Principal user,
            RedirectAttributes redirect) {
        return act(id, "#action-items", redirect, () -> {
            var due = date == null || date.isBlank() ? null : day(date);
            var item = items.add(id, new ActionItems.NewItem(title, owner, due, preset, runbook), user.getName());
            return "Action item " + item.id() + " added.";
        });
    }

    @PostMapping("/postmortems/{id}/action-items/{item}")
    String changeItem(
            @PathVariable long id,
            @PathVariable long item,
            @RequestParam String status,
            Principal user,
            RedirectAttributes redirect) {
        return act(id, "#action-items", redirect, () -> {
            ActionItemStatus to = ActionItemStatus.valueOf(status.toUpperCase(Locale.ROOT));
            items.change(item, new ActionItems.Change(null, null, null, to), user.getName());
            return "Action item " + item + " is " + to.name().toLowerCase(Locale.ROOT) + ".";
        });
    }

    private String page(Postmortem postmortem, RuntimeException refused, Model model) {
        Postmortem stored = refused == null ? postmortem : postmortems.get(postmortem.id());
        model.addAttribute("activeNav", "postmortems");
        model.addAttribute("p", stored);
        model.addAttribute("editTitle", postmortem.title() == null ? stored.title() : postmortem.title());
        model.addAttribute("editText", postmortem.markdown() == null ? stored.markdown() : postmortem.markdown());
        model.addAttribute("editVersion", refused == null ? stored.version() : postmortem.version());
        model.addAttribute("html", postmortems.html(stored.id()));
        model.addAttribute("items", items.forPostmortem(stored.id()));
        model.addAttribute("presets", DuePreset.values());
        model.addAttribute("users", users.list());
        model.addAttribute("states", PostmortemState.values());
        model.addAttribute("now", clock.instant());
        return "postmortem";
    }

    private static java.time.Instant day(String date) {
        try {
            return LocalDate.parse(date).atTime(17, 0).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new FirebreakException.BadInput("date", "a due date is YYYY-MM-DD, not '" + date + "'");
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, long id, String extension) {
        return dev.firebreak.platform.web.Downloads.attachment(
                body, MediaType.parseMediaType(type), "postmortem-" + id + "." + extension);
    }

    private static String act(long id, String anchor, RedirectAttributes redirect, Supplier<String> action) {
        return Flash.thenOr404(redirect, "/postmortems/" + id + anchor, action);
    }
}
