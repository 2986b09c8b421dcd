package dev.firebreak.web;

import dev.firebreak.alert.AlertMatcher;
import dev.firebreak.alert.MaintenanceWindows;
import dev.firebreak.alert.Silences;
import dev.firebreak.platform.FirebreakException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Alerts > Silences: silences and maintenance windows, list, create, expire. */
@Controller
class SilencePages {
    private final Silences silences;
    private final MaintenanceWindows windows;
    private final Clock clock;

    SilencePages(Silences silences, MaintenanceWindows windows, Clock clock) {
        this.silences = silences;
        this.windows = windows;
        this.clock = clock;
    }

    @GetMapping("/silences")
    String list(Model model) {
        model.addAttribute("activeNav", "alerts");
        model.addAttribute("silenceList", silences.list());
        model.addAttribute("windowList", windows.list());
        model.addAttribute("now", clock.instant());
        return "silences";
    }

    /** matchers: one per line or comma-free list; duration such as 2h. */
    @PostMapping("/silences")
    String create(
            @RequestParam String matchers,
            @RequestParam(defaultValue = "1h") String duration,
            @RequestParam(defaultValue = "") String comment,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            List<AlertMatcher> parsed = new ArrayList<>();
            for (String line : matchers.split("\\R")) {
                if (!line.isBlank()) {
                    parsed.add(AlertMatcher.parse(line));
                }
            }
            silences.create(parsed, null, end(duration), principal.getName(), comment);
            redirect.addFlashAttribute("message", "Silence created.");
        } catch (AlertMatcher.Invalid | FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/silences";
    }

    @PostMapping("/silences/{id}/expire")
    String expire(@PathVariable long id, RedirectAttributes redirect) {
        silences.expire(id);
        redirect.addFlashAttribute("message", "Silence " + id + " expired.");
        return "redirect:/silences";
    }

    @PostMapping("/maintenance-windows")
    String createWindow(
            @RequestParam String service,
            @RequestParam(defaultValue = "1h") String duration,
            @RequestParam(defaultValue = "") String comment,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            windows.create(service, null, end(duration), principal.getName(), comment);
            redirect.addFlashAttribute("message", "Maintenance window created.");
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/silences";
    }

    @PostMapping("/maintenance-windows/{id}/end")
    String endWindow(@PathVariable long id, RedirectAttributes redirect) {
        windows.end(id);
        redirect.addFlashAttribute("message", "Maintenance window ended.");
        return "redirect:/silences";
    }

    private Instant end(String duration) {
        try {
            Duration length = DurationStyle.detectAndParse(duration.strip());
            if (length.isNegative() || length.isZero()) {
                throw new FirebreakException.BadInput("duration", "duration must be positive");
            }
            return clock.instant().plus(length);
        } catch (IllegalArgumentException e) {
            throw new FirebreakException.BadInput("duration", "not a duration: '" + duration + "' (use 30m, 2h)");
        }
    }
}
