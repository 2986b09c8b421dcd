package dev.firebreak.oncall;

import dev.firebreak.oncall.internal.PeopleRules;
import dev.firebreak.oncall.internal.ServiceStore;
import dev.firebreak.oncall.internal.TeamStore;
import dev.firebreak.platform.FirebreakException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Services, named as the alert route's {@code service} label names them, each owned by a team. The
 * name is fixed: routes and maintenance windows refer to it.
 */
@Service
public class Services {
    private final ServiceStore store;
    private final TeamStore teams;
    private final ApplicationEventPublisher events;

    Services(ServiceStore store, TeamStore teams, ApplicationEventPublisher events) {
        this.store = store;
        this.teams = teams;
        this.events = events;
    }

    /** What a service change sets: null leaves a field as it is, blank clears description and policy. */
    public record ServiceChange(String description, String team, String escalationPolicy) {}

    public List<OwnedService> list() {
        return store.list();
    }

    public OwnedService get(String name) {
        return store.find(name).orElseThrow(() -> new FirebreakException.NotFound("no service '" + name + "'"));
    }

    @Transactional
    public OwnedService create(String name, String description, String team, String escalationPolicy) {
        String checked = PeopleRules.name("service", name);
        String text = PeopleRules.text("description", description, PeopleRules.MAX_DESCRIPTION);
        long teamId = teamId(team);
        String policy = policy(escalationPolicy);
        if (store.find(checked).isPresent()) {
            throw duplicate(checked);
        }
        try {
            store.insert(checked, text, teamId, policy);
        } catch (DuplicateKeyException e) {
            throw duplicate(checked);
        }
        events.publishEvent(new ServiceChanged(checked));
        return get(checked);
    }

    @Transactional
    public OwnedService update(String name, ServiceChange change) {
        OwnedService service = get(name);
        String text = change.description() == null
                ? service.description()
                : PeopleRules.text("description", change.description(), PeopleRules.MAX_DESCRIPTION);
        long teamId = teamId(change.team() == null ? service.team() : change.team());
        String policy =
                change.escalationPolicy() == null ? service.escalationPolicy() : policy(change.escalationPolicy());
        store.update(service.name(), text, teamId, policy);
        events.publishEvent(new ServiceChanged(service.name()));
        return get(service.name());
    }

    @Transactional
    public void delete(String name) {
        if (!store.delete(name)) {
            throw new FirebreakException.NotFound("no service '" + name + "'");
        }
        events.publishEvent(new ServiceDeleted(name));
    }

    private long teamId(String team) {
        if (team == null || team.isBlank()) {
            throw new FirebreakException.BadInput("team", "a service needs an owning team");
        }
        return teams.find(team.strip())
                .orElseThrow(() -> new FirebreakException.BadInput("team", "no team '" + team.strip() + "'"))
                .id();
    }

    /** Only the form is checked: policies belong to escalation, which checks the name when it pages. */
    private static String policy(String text) {
        return text == null || text.isBlank() ? null : PeopleRules.name("escalationPolicy", "escalation policy", text);
    }

    private static FirebreakException duplicate(String name) {
        return new FirebreakException.Conflict("service '" + name + "' already exists");
    }
}
