package dev.firebreak.web;

import dev.firebreak.platform.FirebreakException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A page's change, then back: what it did, or why it was refused, as the next page's flash. */
final class Flash {
    private Flash() {}

    /** Refusals (bad input, conflicts, a missing thing) become the flash error; {@code action} says what it did. */
    static String then(RedirectAttributes redirect, String to, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (FirebreakException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + to;
    }

    /** As {@link #then}, but the page's own subject missing is the 404 page, not a flash on a page that is gone. */
    static String thenOr404(RedirectAttributes redirect, String to, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (FirebreakException.NotFound e) {
            throw e;
        } catch (FirebreakException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + to;
    }

    /** An action with a fixed message. */
    static Supplier<String> done(String message, Runnable action) {
        return () -> {
            action.run();
            return message;
        };
    }
}
