package dev.firebreak.notify;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.PolicyTier;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.oncall.Services;
import dev.firebreak.oncall.Teams;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Teams, services, people, policies and incidents for notify tests, each with a fresh name. */
record NotifyFixtures(
        UserAccounts accounts,
        Teams teams,
        Services services,
        EscalationPolicies policies,
        Incidents incidents,
        AlertGroups groups) {

    static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String user() {
        String name = name("u");
        accounts.create(name, "password-" + UUID.randomUUID(), Role.RESPONDER, null, null);
        return name;
    }

    String team() {
        String name = name("team");
        teams.create(name, null);
        return name;
    }

    String service(String team) {
        String name = name("svc");
        services.create(name, null, team, null);
        return name;
    }

    /** One step that pages the user, never repeated. */
    String policyPaging(String user) {
        String name = name("p");
        policies.save(
                new EscalationPolicy(
                        name,
                        null,
                        0,
                        null,
                        List.of(new PolicyTier(
                                null,
                                null,
                                List.of(new PolicyStep(
                                        List.of(new StepTarget(StepTarget.Kind.USER, user)), Duration.ofMinutes(30))))),
                        null),
                "test");
        return name;
    }

    /** Opens a critical incident of the service through the routing side's event; returns its id. */
    long open(String service, String policy) {
        String key = AlertGroups.key();
        groups.fire(new AlertGroup(
                key,
                "default",
                Map.of(),
                service,
                policy,
                "critical",
                null,
                List.of(AlertGroups.alert(
                        "Zqxv" + UUID.randomUUID().toString().substring(0, 6),
                        Map.of(),
                        incidents.now(),
                        "zqxv wobble"))));
        return incidents.list(new IncidentQuery(null, null, key, 10)).getFirst().id();
    }
}
