package dev.firebreak.web;

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

/** A person's own page: who they are and their API tokens (create, revoke). */
@Controller
class AccountController {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final Clock clock;

    AccountController(UserAccounts accounts, ApiTokens tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token as the page shows it, with times already formatted in UTC. */
    record TokenRow(
            long id, String name, String prefix, String created, String lastUsed, String expires, String status) {
        static TokenRow of(ApiToken token, Instant now) {
            String status = token.revokedAt() != null ? "revoked" : token.active(now) ? "active" : "expired";
            return new TokenRow(
                    token.id(),
                    token.name(),
                    token.prefix(),
                    format(token.createdAt()),
                    token.lastUsedAt() == null ? "never" : format(token.lastUsedAt()),
                    token.expiresAt() == null ? "never" : format(token.expiresAt()),
                    status);
        }

        private static String format(Instant instant) {
            return WHEN.format(instant) + " UTC";
        }
    }

    @GetMapping("/account")
    String account(Principal principal, Model model) {
        UserAccount user = me(principal);
        Instant now = clock.instant();
        List<TokenRow> rows =
                tokens.list(user.id()).stream().map(t -> TokenRow.of(t, now)).toList();
        model.addAttribute("tokenList", rows);
        return "account";
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
