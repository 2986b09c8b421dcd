package dev.firebreak.web;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.UserInvitations;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page an invitation's link opens, before any login: the invited person chooses a password. */
@Controller
class InvitePages {
    private final UserInvitations invitations;

    InvitePages(UserInvitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invite/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("invitedUser", invitations.usernameFor(token));
        } catch (FirebreakException.NotFound e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("token", token);
        return "invite";
    }

    @PostMapping("/invite/{token}")
    String accept(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmPassword,
            Model model,
            HttpServletResponse response) {
        try {
            String username = invitations.accept(token, password, confirmPassword);
            return "redirect:/login?invited="
                    + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8);
        } catch (FirebreakException e) {
            // A refused password keeps the link; a spent or expired link says so.
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("token", token);
            if (!(e instanceof FirebreakException.NotFound)) {
                model.addAttribute("invitedUser", invitations.usernameFor(token));
            }
            return "invite";
        }
    }
}
