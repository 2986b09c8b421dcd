package dev.firebreak.web;

import dev.firebreak.oncall.People;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccounts;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > Users (admin): every account, create one, enable or disable, change role, reset password. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserAdminPages {
    private final People people;
    private final UserAccounts accounts;

    UserAdminPages(People people, UserAccounts accounts) {
        this.people = people;
        this.accounts = accounts;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("activeNav", "settings");
        model.addAttribute("people", people.list());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("zones", Zones.IDS);
        return "admin-users";
    }

    @PostMapping("/admin/users")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "VIEWER") String role,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String timeZone,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "User " + username + " created.",
                () -> people.create(
                        username, password, Role.parse(role), new People.ProfileChange(displayName, email, timeZone)));
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return act(
                redirect,
                "User " + username + (enabled ? " enabled." : " disabled."),
                () -> accounts.setEnabled(username, enabled));
    }

    @PostMapping("/admin/users/{username}/role")
    String role(@PathVariable String username, @RequestParam String role, RedirectAttributes redirect) {
        return act(
                redirect,
                "User " + username + " is now " + role.toLowerCase() + ".",
                () -> accounts.changeRole(username, Role.parse(role)));
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String newPassword,
            RedirectAttributes redirect) {
        return act(
                redirect, "Password of " + username + " reset.", () -> accounts.resetPassword(username, newPassword));
    }

    private static String act(RedirectAttributes redirect, String message, Runnable action) {
        return Flash.then(redirect, "/admin/users", Flash.done(message, action));
    }
}
