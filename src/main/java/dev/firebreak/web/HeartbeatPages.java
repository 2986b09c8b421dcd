package dev.firebreak.web;

import dev.firebreak.alert.Heartbeat;
import dev.firebreak.alert.Heartbeats;
import dev.firebreak.platform.FirebreakException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > Heartbeats: monitors with their state and last ping, create (secret shown once), pause. */
@Controller
class HeartbeatPages {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Heartbeats heartbeats;

    HeartbeatPages(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    /** {@code lastPing} is the UTC text for a page without JavaScript, {@code lastPingAt} the instant (null: never). */
    record Row(
            String name,
            String state,
            String every,
            String lastPing,
            Instant lastPingAt,
            String alert,
            String pingHint) {
        static Row of(Heartbeat h) {
            return new Row(
                    h.name(),
                    h.state().name().toLowerCase(),
                    h.interval().toSeconds() + "s + " + h.grace().toSeconds() + "s grace",
                    when(h.lastPingAt()),
                    h.lastPingAt(),
                    String.join(", ", h.matchers()),
                    "/api/v1/heartbeats/" + h.secretPrefix() + "…/ping");
        }
    }

    @GetMapping("/settings/heartbeats")
    String list(Model model) {
        List<Row> rows = heartbeats.list().stream().map(Row::of).toList();
        model.addAttribute("activeNav", "settings");
        model.addAttribute("heartbeatList", rows);
        return "heartbeats";
    }

    @PostMapping("/settings/heartbeats")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String interval,
            @RequestParam(defaultValue = "") String grace,
            @RequestParam(defaultValue = "") String matchers,
            RedirectAttributes redirect) {
        try {
            List<String> parsed = Arrays.stream(matchers.split("\\R"))
                    .map(String::strip)
                    .filter(m -> !m.isEmpty())
                    .toList();
            Heartbeat.WithSecret created = heartbeats.create(new Heartbeat.Spec(
                    name,
                    null,
                    Heartbeats.duration("interval", interval),
                    Heartbeats.duration("grace", grace),
                    null,
                    null,
                    null,
                    parsed,
                    null));
            redirect.addFlashAttribute("newPingUrl", "/api/v1/heartbeats/" + created.secret() + "/ping");
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/heartbeats";
    }

    @PostMapping("/settings/heartbeats/{name}/{action:pause|resume}")
    String pauseOrResume(@PathVariable String name, @PathVariable String action, RedirectAttributes redirect) {
        try {
            if (action.equals("pause")) {
                heartbeats.pause(name);
            } else {
                heartbeats.resume(name);
            }
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/heartbeats";
    }

    private static String when(Instant instant) {
        return instant == null ? "never" : WHEN.format(instant) + " UTC";
    }
}
