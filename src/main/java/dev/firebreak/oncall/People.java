package dev.firebreak.oncall;

import dev.firebreak.oncall.internal.ContactMethodStore;
import dev.firebreak.oncall.internal.PeopleRules;
import dev.firebreak.oncall.internal.ProfileStore;
import dev.firebreak.oncall.internal.ServiceStore;
import dev.firebreak.oncall.internal.TeamStore;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.platform.security.UserAccounts;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People as on-call sees them: accounts (from {@link UserAccounts}) with their own time zone and
 * contact methods. Also the read-only {@link PeopleDirectory} of people, teams and services.
 */
@Service
public class People implements PeopleDirectory {
    /** Enough for every way a person can be reached, few enough to page through quickly. */
    static final int MAX_CONTACT_METHODS = 20;

    private final UserAccounts accounts;
    private final ProfileStore profiles;
    private final ContactMethodStore contacts;
    private final TeamStore teams;
    private final ServiceStore services;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<ContactAddressCheck> addressChecks;

    People(
            UserAccounts accounts,
            ProfileStore profiles,
            ContactMethodStore contacts,
            TeamStore teams,
            ServiceStore services,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectProvider<ContactAddressCheck> addressChecks) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.contacts = contacts;
        this.teams = teams;
        this.services = services;
        this.events = events;
        this.clock = clock;
        this.addressChecks = addressChecks;
    }

    /** What a profile change sets: null leaves a field as it is, blank clears it. */
    public record ProfileChange(String displayName, String email, String timeZone) {}

    public List<Person> list() {
        Map<String, String> zones = profiles.zones();
        Map<String, List<ContactMethod>> methods = contacts.all();
        return accounts.list().stream()
                .map(a -> person(a, zones.get(a.username()), methods.getOrDefault(a.username(), List.of())))
                .toList();
    }

    public Person get(String username) {
        UserAccount account = account(username);
        return person(account, profiles.zone(username).orElse(null), contacts.list(username));
    }

    /** A new account with its profile, in one transaction: a bad zone creates no account. */
    @Transactional
    public Person create(String username, String password, Role role, ProfileChange profile) {
        String zone = zoneId(profile.timeZone());
        accounts.create(username, password, role, blankToNull(profile.displayName()), blankToNull(profile.email()));
        if (zone != null) {
            profiles.setZone(username, zone);
        }
        events.publishEvent(new PersonChanged(username));
        return get(username);
    }

    @Transactional
    public Person update(String username, ProfileChange change) {
        account(username);
        // Check the zone before anything is written, so a bad zone saves no name or email either.
        String zone = zoneId(change.timeZone());
        accounts.updateDetails(username, change.displayName(), change.email());
        if (change.timeZone() != null) {
            profiles.setZone(username, zone);
        }
        events.publishEvent(new PersonChanged(username));
        return get(username);
    }

    /** {@code kind} as typed: email, chat, webhook, phone or sms. */
    public ContactMethod addContactMethod(String username, String kind, String address, String label) {
        return addContactMethod(username, PeopleRules.kind(kind), address, label);
    }

    @Transactional
    public ContactMethod addContactMethod(String username, ContactMethod.Kind kind, String address, String label) {
        account(username);
        String checked = PeopleRules.address(kind, address);
        addressChecks.orderedStream().forEach(check -> check.check(kind, checked));
        String text = PeopleRules.text("label", label, PeopleRules.MAX_LABEL);
        if (contacts.exists(username, kind, checked)) {
            throw new FirebreakException.Conflict(
                    username + " already has the " + kind.name().toLowerCase() + " contact " + checked);
        }
        if (contacts.count(username) >= MAX_CONTACT_METHODS) {
            throw new FirebreakException.Conflict(
                    username + " already has " + MAX_CONTACT_METHODS + " contact methods: remove one first");
        }
        ContactMethod method = contacts.add(username, kind, checked, text);
        events.publishEvent(new PersonChanged(username));
        return method;
    }

    @Transactional
    public void removeContactMethod(String username, long id) {
        account(username);
        if (!contacts.delete(username, id)) {
            throw new FirebreakException.NotFound(username + " has no contact method " + id);
        }
        events.publishEvent(new PersonChanged(username));
    }

    /** Names of the teams a person is in. */
    public List<String> teamsOf(String username) {
        return teams.teamsOf(username);
    }

    @Override
    public boolean userExists(String username) {
        return username != null && accounts.find(username).isPresent();
    }

    @Override
    public boolean userEnabled(String username) {
        return username != null
                && accounts.find(username).map(UserAccount::enabled).orElse(false);
    }

    @Override
    public ZoneId zoneOf(String username) {
        return profiles.zone(username).map(People::zoneOrNull).orElse(clock.getZone());
    }

    @Override
    public List<ContactMethod> contactMethods(String username) {
        return contacts.list(username);
    }

    @Override
    public boolean teamExists(String team) {
        return team != null && teams.find(team).isPresent();
    }

    @Override
    public List<String> teamMembers(String team) {
        return teams.find(team)
                .map(t ->
                        teams.members(t.id()).stream().map(TeamMember::username).toList())
                .orElse(List.of());
    }

    @Override
    public Optional<String> serviceTeam(String service) {
        return services.find(service).map(OwnedService::team);
    }

    @Override
    public Optional<String> serviceEscalationPolicy(String service) {
        return services.find(service).map(OwnedService::escalationPolicy);
    }

    private Person person(UserAccount account, String zone, List<ContactMethod> methods) {
        String effective = zone == null ? clock.getZone().getId() : zone;
        return new Person(
                account.username(),
                account.displayName(),
                account.email(),
                account.role(),
                account.enabled(),
                zone,
                effective,
                methods);
    }

    private UserAccount account(String username) {
        return accounts.find(username).orElseThrow(() -> new FirebreakException.NotFound("no user '" + username + "'"));
    }

    private static String zoneId(String text) {
        return text == null || text.isBlank() ? null : PeopleRules.zone(text).getId();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A zone stored by an older JDK that this one no longer knows falls back to the default. */
    private static ZoneId zoneOrNull(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
