package dev.firebreak.web;

import dev.firebreak.notify.ContactVerification;
import dev.firebreak.notify.NotificationRules;
import dev.firebreak.oncall.People;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.ApiToken;
import dev.firebreak.platform.security.ApiTokens;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.platform.security.UserAccounts;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own page: who they are, their time zone and contact methods, their password and their
 * API tokens (create, revoke).
 */
@Controller
class AccountController {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final Clock clock;
    private final People people;
    private final ContactVerification verification;
    private final NotificationRules rules;

    AccountController(
            UserAccounts accounts,
            ApiTokens tokens,
            Clock clock,
            People people,
            ContactVerification verification,
            NotificationRules rules) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
        this.people = people;
        this.verification = verification;
        this.rules = rules;
    }

    /**
     * A token as the page shows it: the times as instants for {@code <time>} (null: never) and as UTC
     * text for a page without JavaScript.
     */
    record TokenRow(
            long id,
            String name,
            String prefix,
            String created,
            String lastUsed,
            String expires,
            String status,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt) {
        static TokenRow of(ApiToken token, Instant now) {
            String status = token.revokedAt() != null ? "revoked" : token.active(now) ? "active" : "expired";
            return new TokenRow(
                    token.id(),
                    token.name(),
                    token.prefix(),
                    format(token.createdAt()),
                    token.lastUsedAt() == null ? "never" : format(token.lastUsedAt()),
                    token.expiresAt() == null ? "never" : format(token.expiresAt()),
                    status,
                    token.createdAt(),
                    token.lastUsedAt(),
                    token.expiresAt());
        }

        private static String format(Instant instant) {
            return WHEN.format(instant) + " UTC";
        }
    }

    /** {@code verify} and {@code code}: a verification message's link fills in the code box. */
    @GetMapping("/account")
    String account(
            Principal principal,
            @RequestParam(required = false) Long verify,
            @RequestParam(required = false) String code,
            Model model) {
        UserAccount user = me(principal);
        Instant now = clock.instant();
        List<TokenRow> rows =
                tokens.list(user.id()).stream().map(t -> TokenRow.of(t, now)).toList();
        model.addAttribute("tokenList", rows);
        var person = people.get(user.username());
        model.addAttribute("person", person);
        model.addAttribute("zones", Zones.IDS);
        AccountNotifyPages.model(model, user.username(), person.contactMethods(), verification, rules);
        model.addAttribute("verifyId", verify);
        model.addAttribute("verifyCode", code != null && code.matches("\\d{6}") ? code : null);
        return "account";
    }

    @PostMapping("/account/profile")
    String profile(
            Principal principal,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String timeZone,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "Profile saved.",
                () -> people.update(principal.getName(), new People.ProfileChange(displayName, email, timeZone)));
    }

    @PostMapping("/account/password")
    String password(
            Principal principal,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            RedirectAttributes redirect) {
        return act(redirect, "Password changed.", () -> {
            if (!newPassword.equals(confirmPassword)) {
                throw new FirebreakException.BadInput("confirmPassword", "the new passwords do not match");
            }
            accounts.changePassword(principal.getName(), currentPassword, newPassword);
        });
    }

    @PostMapping("/account/contact-methods")
    String addContactMethod(
            Principal principal,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String label,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "Contact method added.",
                () -> people.addContactMethod(principal.getName(), kind, address, label));
    }

    @PostMapping("/account/contact-methods/{id}/remove")
    String removeContactMethod(Principal principal, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "Contact method removed.", () -> people.removeContactMethod(principal.getName(), id));
    }

    private static String act(RedirectAttributes redirect, String message, Runnable action) {
        return Flash.then(redirect, "/account", Flash.done(message, action));
    }

    @PostMapping("/account/tokens")
    String create(
            Principal principal,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Integer expiresInDays,
            RedirectAttributes redirect) {
        try {
            Duration ttl = expiresInDays == null ? null : Duration.ofDays(expiresInDays);
            redirect.addFlashAttribute(
                    "newToken", tokens.create(me(principal).id(), name, ttl).secret());
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(Principal principal, @PathVariable long id, RedirectAttributes redirect) {
        try {
            tokens.revoke(me(principal).id(), id);
        } catch (FirebreakException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }

    private UserAccount me(Principal principal) {
        return accounts.find(principal.getName())
                .orElseThrow(() -> new FirebreakException.NotFound("no user " + principal.getName()));
    }
}
