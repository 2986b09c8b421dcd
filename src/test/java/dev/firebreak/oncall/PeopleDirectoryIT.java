package dev.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.platform.FirebreakException;
import dev.firebreak.platform.security.Role;
import dev.firebreak.support.ServerTest;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The directory escalation and notify read, over the services that write it. */
@Tag("database")
class PeopleDirectoryIT extends ServerTest {
    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Autowired
    Services services;

    @Autowired
    PeopleDirectory directory;

    @Test
    void answersWhatTheServicesSaved() {
        String alice = user();
        String bob = user();
        assertThat(directory.zoneOf(alice)).isEqualTo(clock.getZone());
        people.update(alice, new People.ProfileChange(null, null, "Europe/Berlin"));
        assertThat(directory.zoneOf(alice)).isEqualTo(ZoneId.of("Europe/Berlin"));
        people.addContactMethod(alice, ContactMethod.Kind.EMAIL, " alice@example.com ", "work");
        people.addContactMethod(alice, ContactMethod.Kind.PHONE, "+49 30 123-4567", null);
        assertThat(directory.contactMethods(alice))
                .extracting(ContactMethod::address)
                .containsExactly("alice@example.com", "+49301234567");

        String team = "Team " + UUID.randomUUID().toString().substring(0, 6);
        teams.create(team, "the team");
        teams.addMember(team, bob, TeamRole.MANAGER);
        teams.addMember(team, alice, null);
        assertThat(directory.teamExists(team)).isTrue();
        assertThat(directory.teamMembers(team)).containsExactly(bob, alice);
        assertThat(directory.teamMembers("no such team")).isEmpty();

        String service = "svc-" + UUID.randomUUID().toString().substring(0, 6);
        services.create(service, null, team, "default-policy");
        assertThat(directory.serviceTeam(service)).contains(team);
        assertThat(directory.serviceEscalationPolicy(service)).contains("default-policy");
        assertThat(directory.serviceTeam("unknown")).isEmpty();
        assertThat(directory.userExists(alice)).isTrue();
        accounts.setEnabled(bob, false);
        assertThat(directory.userEnabled(bob)).isFalse();
        assertThat(directory.userEnabled(alice)).isTrue();
        assertThat(directory.userExists("nobody-" + UUID.randomUUID())).isFalse();
    }

    @Test
    void aBadZoneSavesNothing() {
        String carol = user();
        assertThatThrownBy(() -> people.update(carol, new People.ProfileChange("Carol", null, "Mars/Olympus")))
                .isInstanceOf(FirebreakException.BadInput.class)
                .hasMessageContaining("Europe/Berlin");
        assertThat(people.get(carol).displayName()).isNull();
        assertThat(people.get(carol).timeZone()).isNull();
    }

    private String user() {
        String name = "p-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "password-" + name, Role.RESPONDER, null, null);
        return name;
    }
}
