package dev.firebreak.web;

import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.platform.security.UserAccounts;
import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in person into every page's model for the header, error pages' too. */
@ControllerAdvice(basePackages = {"dev.firebreak.web", "dev.firebreak.platform.web"})
class CurrentUserAdvice {
    private final UserAccounts accounts;
    private final dev.firebreak.oncall.People people;

    CurrentUserAdvice(UserAccounts accounts, dev.firebreak.oncall.People people) {
        this.accounts = accounts;
        this.people = people;
    }

    /** The zone the viewer set in their profile, or null: the browser's own zone is used then. */
    @ModelAttribute("viewerZone")
    String viewerZone(Principal principal) {
        if (principal == null) {
            return null;
        }
        try {
            return people.get(principal.getName()).timeZone();
        } catch (RuntimeException noProfile) {
            return null;
        }
    }

    @ModelAttribute("currentUser")
    UserAccount currentUser(Principal principal) {
        return principal == null ? null : accounts.find(principal.getName()).orElse(null);
    }

    /** For an exception handler's page, which the model attributes above do not reach. */
    void fill(org.springframework.ui.Model model, Principal principal) {
        model.addAttribute("currentUser", currentUser(principal));
        model.addAttribute("viewerZone", viewerZone(principal));
    }
}
