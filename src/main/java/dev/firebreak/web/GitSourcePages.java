package dev.firebreak.web;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.runbook.GitSources;
import dev.firebreak.runbook.GitSyncReport;
import java.time.Duration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > Git sources: repositories whose runbooks the library keeps in sync (admins only). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class GitSourcePages {
    private final GitSources sources;

    GitSourcePages(GitSources sources) {
        this.sources = sources;
    }

    @GetMapping("/settings/git-sources")
    String list(Model model) {
        model.addAttribute("activeNav", "settings");
        model.addAttribute("sources", sources.list());
        return "git-sources";
    }

    @PostMapping("/settings/git-sources")
    String add(
            @RequestParam String url,
            @RequestParam(defaultValue = "") String branch,
            @RequestParam(defaultValue = "") String path,
            @RequestParam(required = false) Integer pollMinutes,
            RedirectAttributes redirect) {
        try {
            Duration poll = pollMinutes == null ? null : Duration.ofMinutes(pollMinutes);
            var source = sources.add(url.strip(), blankToNull(branch), blankToNull(path), poll);
            redirect.addFlashAttribute("message", "added " + source.url() + "; it syncs on the next poll");
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/git-sources";
    }

    @PostMapping("/settings/git-sources/{id}/sync")
    String sync(@PathVariable long id, RedirectAttributes redirect) {
        try {
            GitSyncReport report = sources.sync(id);
            redirect.addFlashAttribute(
                    "message",
                    "synced "
                            + (report.commit() == null
                                    ? ""
                                    : report.commit()
                                            .substring(
                                                    0,
                                                    Math.min(10, report.commit().length())))
                            + ": " + report.created().size() + " created, "
                            + report.updated().size() + " updated, "
                            + report.unchanged() + " unchanged, "
                            + report.removed().size() + " removed"
                            + (report.errors().isEmpty() ? "" : ", errors: " + String.join("; ", report.errors())));
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/git-sources";
    }

    @PostMapping("/settings/git-sources/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            sources.delete(id);
            redirect.addFlashAttribute("message", "removed source " + id);
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/git-sources";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
