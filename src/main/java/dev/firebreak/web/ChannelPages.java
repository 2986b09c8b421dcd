package dev.firebreak.web;

import dev.firebreak.notify.NotifyChannel;
import dev.firebreak.notify.NotifyChannels;
import dev.firebreak.platform.FirebreakException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > Channels: chat channels and webhooks of teams and services; add, test, rotate, remove. Admins only. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ChannelPages {
    private static final String PAGE = "redirect:/settings/channels";

    private final NotifyChannels channels;

    ChannelPages(NotifyChannels channels) {
        this.channels = channels;
    }

    record Row(String name, String type, String url, String owner, boolean enabled, boolean signed, String reason) {
        static Row of(NotifyChannel c) {
            return new Row(
                    c.name(),
                    c.type().id(),
                    c.url(),
                    c.team() != null ? "team " + c.team() : "service " + c.service(),
                    c.enabled(),
                    c.signed(),
                    c.disabledReason());
        }
    }

    @GetMapping("/settings/channels")
    String list(Model model) {
        List<Row> rows = channels.list().stream().map(Row::of).toList();
        model.addAttribute("activeNav", "settings");
        model.addAttribute("channelList", rows);
        return "channels";
    }

    @PostMapping("/settings/channels")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String service,
            RedirectAttributes redirect) {
        try {
            NotifyChannels.WithSecret created =
                    channels.create(new NotifyChannels.ChannelSpec(name, type, url, team, service));
            redirect.addFlashAttribute("message", "Channel " + created.channel().name() + " added.");
            redirect.addFlashAttribute("newSecret", created.secret());
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }

    @PostMapping("/settings/channels/{name}/{action:test|rotate|enable|delete}")
    String act(@PathVariable String name, @PathVariable String action, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "test" -> {
                    channels.test(name);
                    redirect.addFlashAttribute("message", "Test message to " + name + " queued.");
                }
                case "rotate" -> {
                    redirect.addFlashAttribute(
                            "newSecret", channels.rotateSecret(name, null).secret());
                    redirect.addFlashAttribute(
                            "message", "New secret for " + name + "; the old one signs for 24 hours more.");
                }
                case "enable" -> {
                    channels.update(name, new NotifyChannels.ChannelChange(null, null, null, true));
                    redirect.addFlashAttribute("message", "Channel " + name + " enabled.");
                }
                default -> {
                    channels.delete(name);
                    redirect.addFlashAttribute("message", "Channel " + name + " removed.");
                }
            }
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }
}
