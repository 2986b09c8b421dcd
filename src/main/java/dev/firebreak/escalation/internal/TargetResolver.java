package dev.firebreak.escalation.internal;

import dev.firebreak.escalation.PolicyStep;
import dev.firebreak.escalation.RoleMappings;
import dev.firebreak.escalation.StepTarget;
import dev.firebreak.escalation.StoredPolicy;
import dev.firebreak.incident.Severity;
import dev.firebreak.oncall.OnCallLookup;
import dev.firebreak.oncall.PeopleDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Who a step pages right now: schedules are read at the step's time, roles through their mapping. */
@Component
class TargetResolver {
    private final PeopleDirectory people;
    private final OnCallLookup onCall;
    private final RoleMappings roles;
    private final PolicyStore policies;

    TargetResolver(PeopleDirectory people, OnCallLookup onCall, RoleMappings roles, PolicyStore policies) {
        this.people = people;
        this.onCall = onCall;
        this.roles = roles;
        this.policies = policies;
    }

    /**
     * @param users each user once, with the step target that found them ({@code schedule:primary})
     * @param reached the step's targets that found somebody
     * @param empty the step's targets that found nobody, with why
     */
    record Resolution(Map<String, String> users, List<String> reached, List<String> empty) {}

    Resolution resolve(PolicyStep step, String policy, Severity severity, Instant now) {
        Map<String, String> users = new LinkedHashMap<>();
        List<String> reached = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        Set<String> visitedPolicies = new HashSet<>(Set.of(policy));
        for (StepTarget target : step.targets()) {
            String label = label(target);
            List<String> found = new ArrayList<>();
            String why = collect(target, severity, now, found, visitedPolicies, 0);
            if (found.isEmpty()) {
                empty.add(label + (why == null ? "" : " (" + why + ")"));
                continue;
            }
            reached.add(label);
            for (String user : found) {
                // A disabled account is not paged, wherever it is still named.
                if (people.userEnabled(user)) {
                    users.putIfAbsent(user, label);
                }
            }
        }
        return new Resolution(users, reached, empty);
    }

    static String label(StepTarget target) {
        return target.kind().name().toLowerCase(Locale.ROOT) + ":" + target.name();
    }

    /** Adds who the target pages to {@code found}; returns why it found nobody, or null. */
    private String collect(
            StepTarget target,
            Severity severity,
            Instant now,
            List<String> found,
            Set<String> policiesSeen,
            int depth) {
        if (depth > 8) {
            return "targets nest too deep";
        }
        switch (target.kind()) {
            case USER -> {
                if (!people.userExists(target.name())) {
                    return "no such user";
                }
                found.add(target.name());
            }
            case SCHEDULE -> {
                List<String> now_ = onCall.onCallAt(target.name(), now);
                if (now_.isEmpty()) {
                    return "nobody on call";
                }
                found.addAll(now_);
            }
            case TEAM -> {
                List<String> members = people.teamMembers(target.name());
                if (members.isEmpty()) {
                    return "no members";
                }
                found.addAll(members);
            }
            case ROLE -> {
                Optional<StepTarget> mapped = roles.resolve(target.name());
                if (mapped.isEmpty()) {
                    return "role has no mapping";
                }
                return collect(mapped.get(), severity, now, found, policiesSeen, depth + 1);
            }
            case POLICY -> {
                if (!policiesSeen.add(target.name())) {
                    return "policies page each other in a circle";
                }
                Optional<StoredPolicy> other = policies.find(target.name());
                if (other.isEmpty()) {
                    return "no such policy";
                }
                PolicyStep first =
                        Tiers.tierFor(other.get().policy(), severity).steps().getFirst();
                String why = null;
                for (StepTarget inner : first.targets()) {
                    String innerWhy = collect(inner, severity, now, found, policiesSeen, depth + 1);
                    why = why == null ? innerWhy : why;
                }
                return found.isEmpty() ? why : null;
            }
        }
        return null;
    }
}
