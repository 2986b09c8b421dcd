package dev.firebreak.api;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.ApiToken;
import dev.firebreak.platform.security.ApiTokens;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.platform.security.UserAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who am I and my API tokens; the users themselves are {@link PeopleController}'s. */
@RestController
@RequestMapping("/api/v1")
class AccountApi {
    private final UserAccounts accounts;
    private final ApiTokens tokens;

    AccountApi(UserAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record NewToken(
            @Size(max = 200) String name,
            @Positive @Max(3650) Integer expiresInDays) {}

    record IssuedToken(ApiToken token, String secret) {}

    @GetMapping("/me")
    UserAccount me(Principal principal) {
        return current(principal);
    }

    @GetMapping("/me/tokens")
    List<ApiToken> myTokens(Principal principal) {
        return tokens.list(current(principal).id());
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken createToken(Principal principal, @Valid @RequestBody NewToken request) {
        Duration ttl = request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays());
        ApiTokens.Issued issued = tokens.create(current(principal).id(), request.name(), ttl);
        return new IssuedToken(issued.token(), issued.secret());
    }

    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(Principal principal, @PathVariable long id) {
        tokens.revoke(current(principal).id(), id);
    }

    private UserAccount current(Principal principal) {
        return accounts.find(principal.getName())
                .orElseThrow(() -> new FirebreakException.NotFound("no user " + principal.getName()));
    }
}
