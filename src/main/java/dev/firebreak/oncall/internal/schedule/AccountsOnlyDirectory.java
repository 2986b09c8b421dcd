package dev.firebreak.oncall.internal.schedule;

import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.platform.security.UserAccounts;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Stands in for the people feature's directory until it is there: users only, no teams. */
public final class AccountsOnlyDirectory implements PeopleDirectory {
    private final UserAccounts accounts;

    public AccountsOnlyDirectory(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean userExists(String username) {
        return accounts.find(username).isPresent();
    }

    @Override
    public ZoneId zoneOf(String username) {
        return ZoneOffset.UTC;
    }

    @Override
    public List<ContactMethod> contactMethods(String username) {
        return accounts.find(username).filter(a -> a.email() != null).stream()
                .map(a -> new ContactMethod(0, ContactMethod.Kind.EMAIL, a.email(), "account"))
                .toList();
    }

    @Override
    public boolean teamExists(String team) {
        return false;
    }

    @Override
    public List<String> teamMembers(String team) {
        return List.of();
    }

    @Override
    public Optional<String> serviceTeam(String service) {
        return Optional.empty();
    }

    @Override
    public Optional<String> serviceEscalationPolicy(String service) {
        return Optional.empty();
    }
}
