package dev.firebreak.oncall;

import dev.firebreak.oncall.internal.PeopleRules;
import dev.firebreak.oncall.internal.ServiceStore;
import dev.firebreak.oncall.internal.TeamStore;
import dev.firebreak.oncall.internal.TeamStore.TeamRow;
import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.UserAccounts;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams and their members. A team's name is fixed: schedules and services refer to it by name. */
@Service
public class Teams {
    private final TeamStore store;
    private final ServiceStore services;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;

    Teams(TeamStore store, ServiceStore services, UserAccounts accounts, ApplicationEventPublisher events) {
        this.store = store;
        this.services = services;
        this.accounts = accounts;
        this.events = events;
    }

    public List<Team> list() {
        Map<Long, List<TeamMember>> members = store.allMembers();
        Map<String, List<String>> owned = services.list().stream()
                .collect(Collectors.groupingBy(
                        OwnedService::team, Collectors.mapping(OwnedService::name, Collectors.toList())));
        return store.list().stream()
                .map(t -> new Team(
                        t.name(),
                        t.description(),
                        members.getOrDefault(t.id(), List.of()),
                        owned.getOrDefault(t.name(), List.of())))
                .toList();
    }

    public Team get(String name) {
        return team(row(name));
    }

    @Transactional
    public Team create(String name, String description) {
        String checked = PeopleRules.name("team", name);
        String text = PeopleRules.text("description", description, PeopleRules.MAX_DESCRIPTION);
        if (store.find(checked).isPresent()) {
            throw duplicate(checked);
        }
        try {
            store.insert(checked, text);
        } catch (DuplicateKeyException e) {
            throw duplicate(checked);
        }
        events.publishEvent(new TeamChanged(checked));
        return get(checked);
    }

    /** null leaves the description as it is, blank clears it. */
    @Transactional
    public Team update(String name, String description) {
        TeamRow team = row(name);
        if (description != null) {
            store.updateDescription(
                    team.id(), PeopleRules.text("description", description, PeopleRules.MAX_DESCRIPTION));
            events.publishEvent(new TeamChanged(team.name()));
        }
        return get(team.name());
    }

    /** Refused while the team owns services: they would be left without an owner. */
    @Transactional
    public void delete(String name) {
        TeamRow team = row(name);
        List<String> owned = services.namesOwnedBy(team.id());
        if (!owned.isEmpty()) {
            throw new FirebreakException.Conflict("team '" + team.name() + "' owns the services "
                    + String.join(", ", owned) + ": give them another team or delete them first");
        }
        store.delete(team.id());
        events.publishEvent(new TeamDeleted(team.name()));
    }

    @Transactional
    public Team addMember(String name, String username, TeamRole role) {
        TeamRow team = row(name);
        if (username == null || username.isBlank()) {
            throw new FirebreakException.BadInput("username", "give the username of the member to add");
        }
        String user = username.strip();
        if (accounts.find(user).isEmpty()) {
            throw new FirebreakException.BadInput("username", "no user '" + user + "' to add to team '" + name + "'");
        }
        if (store.isMember(team.id(), user)) {
            throw alreadyMember(user, team);
        }
        try {
            store.addMember(team.id(), user, role == null ? TeamRole.MEMBER : role);
        } catch (DuplicateKeyException e) {
            throw alreadyMember(user, team);
        }
        store.touch(team.id());
        events.publishEvent(new TeamChanged(team.name()));
        return get(team.name());
    }

    @Transactional
    public Team removeMember(String name, String username) {
        TeamRow team = row(name);
        if (!store.removeMember(team.id(), username)) {
            throw new FirebreakException.NotFound("'" + username + "' is not a member of team '" + team.name() + "'");
        }
        store.touch(team.id());
        events.publishEvent(new TeamChanged(team.name()));
        return get(team.name());
    }

    private Team team(TeamRow row) {
        return new Team(row.name(), row.description(), store.members(row.id()), services.namesOwnedBy(row.id()));
    }

    private TeamRow row(String name) {
        return store.find(name).orElseThrow(() -> new FirebreakException.NotFound("no team '" + name + "'"));
    }

    private static FirebreakException duplicate(String name) {
        return new FirebreakException.Conflict("team '" + name + "' already exists");
    }

    private static FirebreakException alreadyMember(String user, TeamRow team) {
        return new FirebreakException.Conflict("'" + user + "' is already a member of team '" + team.name() + "'");
    }
}
