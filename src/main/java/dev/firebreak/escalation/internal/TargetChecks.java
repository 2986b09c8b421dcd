package dev.firebreak.escalation.internal;

import dev.firebreak.escalation.StepTarget;
import dev.firebreak.oncall.OnCallLookup;
import dev.firebreak.oncall.PeopleDirectory;
import org.springframework.stereotype.Component;

/** Whether a target names somebody that exists: a user, a schedule, a team or a policy. */
@Component
public class TargetChecks {
    private final PeopleDirectory people;
    private final OnCallLookup onCall;
    private final PolicyStore policies;

    TargetChecks(PeopleDirectory people, OnCallLookup onCall, PolicyStore policies) {
        this.people = people;
        this.onCall = onCall;
        this.policies = policies;
    }

    /** Why the target cannot be paged, or null when it can (a role is checked by its mapping). */
    public String problem(StepTarget target) {
        return switch (target.kind()) {
            case USER -> people.userExists(target.name()) ? null : "no user '" + target.name() + "'";
            case SCHEDULE -> onCall.scheduleExists(target.name()) ? null : "no schedule '" + target.name() + "'";
            case TEAM -> people.teamExists(target.name()) ? null : "no team '" + target.name() + "'";
            case POLICY -> policies.find(target.name()).isPresent() ? null : "no policy '" + target.name() + "'";
            case ROLE -> null;
        };
    }
}
