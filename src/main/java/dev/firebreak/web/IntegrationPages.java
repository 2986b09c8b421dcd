package dev.firebreak.web;

import dev.firebreak.alert.Integration;
import dev.firebreak.alert.IntegrationType;
import dev.firebreak.alert.Integrations;
import dev.firebreak.platform.FirebreakException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > Integrations: list, create (the key shown once), delete. Admins only. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class IntegrationPages {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Integrations integrations;

    IntegrationPages(Integrations integrations) {
        this.integrations = integrations;
    }

    /** {@code created} is the UTC text for a page without JavaScript, {@code createdAt} the instant. */
    record Row(
            long id,
            String name,
            String type,
            String keyPrefix,
            String rate,
            boolean enabled,
            String created,
            Instant createdAt) {
        static Row of(Integration i) {
            return new Row(
                    i.id(),
                    i.name(),
                    i.type().id(),
                    i.keyPrefix(),
                    i.ratePerSecond() + "/s, burst " + i.burst(),
                    i.enabled(),
                    WHEN.format(i.createdAt()) + " UTC",
                    i.createdAt());
        }
    }

    @GetMapping("/settings/integrations")
    String list(Model model) {
        List<Row> rows = integrations.list().stream().map(Row::of).toList();
        model.addAttribute("activeNav", "settings");
        model.addAttribute("integrationList", rows);
        return "integrations";
    }

    @PostMapping("/settings/integrations")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(required = false) Integer ratePerSecond,
            @RequestParam(required = false) Integer burst,
            @RequestParam(required = false) String mapping,
            RedirectAttributes redirect) {
        try {
            IntegrationType parsed = IntegrationType.parse(type);
            String json = parsed == IntegrationType.GENERIC ? mapping : null;
            redirect.addFlashAttribute(
                    "newKey",
                    integrations
                            .create(name, parsed, ratePerSecond, burst, json)
                            .key());
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/integrations";
    }

    @PostMapping("/settings/integrations/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            integrations.delete(id);
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/integrations";
    }
}
