package dev.firebreak.web;

import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.platform.security.UserAccounts;
import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in person into every page's model for the header. */
@ControllerAdvice(basePackageClasses = CurrentUserAdvice.class)
class CurrentUserAdvice {
    private final UserAccounts accounts;

    CurrentUserAdvice(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("currentUser")
    UserAccount currentUser(Principal principal) {
        return principal == null ? null : accounts.find(principal.getName()).orElse(null);
    }
}
