package dev.firebreak.web;

import dev.firebreak.oncall.People;
import dev.firebreak.oncall.Services;
import dev.firebreak.oncall.TeamRole;
import dev.firebreak.oncall.Teams;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Teams (members) and Services (owner team, escalation policy): everybody reads, admins change. */
@Controller
class TeamPages {
    private final Teams teams;
    private final Services services;
    private final People people;

    TeamPages(Teams teams, Services services, People people) {
        this.teams = teams;
        this.services = services;
        this.people = people;
    }

    @GetMapping("/teams")
    String teams(Model model) {
        model.addAttribute("activeNav", "teams");
        model.addAttribute("teamList", teams.list());
        model.addAttribute(
                "usernames", people.list().stream().map(p -> p.username()).toList());
        return "teams";
    }

    @PostMapping("/teams")
    @PreAuthorize("hasRole('ADMIN')")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            RedirectAttributes redirect) {
        return act(redirect, "/teams", "Team " + name.strip() + " created.", () -> teams.create(name, description));
    }

    @PostMapping("/teams/{name}/members")
    @PreAuthorize("hasRole('ADMIN')")
    String addMember(
            @PathVariable String name,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "member") String role,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "/teams",
                username + " added to " + name + ".",
                () -> teams.addMember(name, username, TeamRole.parse(role)));
    }

    @PostMapping("/teams/{name}/members/{username}/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String removeMember(@PathVariable String name, @PathVariable String username, RedirectAttributes redirect) {
        return act(
                redirect, "/teams", username + " removed from " + name + ".", () -> teams.removeMember(name, username));
    }

    @PostMapping("/teams/{name}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@PathVariable String name, RedirectAttributes redirect) {
        return act(redirect, "/teams", "Team " + name + " deleted.", () -> teams.delete(name));
    }

    @GetMapping("/services")
    String services(Model model) {
        model.addAttribute("activeNav", "teams");
        model.addAttribute("serviceList", services.list());
        model.addAttribute("teamNames", teams.list().stream().map(t -> t.name()).toList());
        return "services";
    }

    @PostMapping("/services")
    @PreAuthorize("hasRole('ADMIN')")
    String createService(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String escalationPolicy,
            @RequestParam(defaultValue = "") String description,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "/services",
                "Service " + name.strip() + " created.",
                () -> services.create(name, description, team, escalationPolicy));
    }

    @PostMapping("/services/{name}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String deleteService(@PathVariable String name, RedirectAttributes redirect) {
        return act(redirect, "/services", "Service " + name + " deleted.", () -> services.delete(name));
    }

    private static String act(RedirectAttributes redirect, String page, String message, Runnable action) {
        return Flash.then(redirect, page, Flash.done(message, action));
    }
}
