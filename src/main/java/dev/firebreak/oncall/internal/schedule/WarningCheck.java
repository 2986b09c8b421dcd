package dev.firebreak.oncall.internal.schedule;

import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.oncall.Reachability;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.ScheduleLayer;
import dev.firebreak.oncall.ScheduleWarning;
import dev.firebreak.oncall.ScheduleWarning.Kind;
import dev.firebreak.oncall.StoredOverride;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.platform.security.UserAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * People a page would not reach, found before it matters (Grafana OnCall #1326): on an active
 * schedule (in a layer, or with an override not yet ended) but without a contact method, or with
 * none that works ({@link Reachability}), and
 * layer members whose account is gone or disabled.
 */
public final class WarningCheck {
    private WarningCheck() {}

    public static List<ScheduleWarning> check(
            List<Schedule> schedules,
            List<StoredOverride> notEnded,
            PeopleDirectory people,
            UserAccounts accounts,
            Reachability reachability,
            Instant now) {
        List<ScheduleWarning> warnings = new ArrayList<>();
        for (Schedule schedule : schedules) {
            Set<String> flagged = new LinkedHashSet<>();
            for (ScheduleLayer layer : schedule.layers()) {
                for (String member : new LinkedHashSet<>(layer.members())) {
                    Optional<UserAccount> account = accounts.find(member);
                    if (account.isEmpty() && !people.userExists(member)) {
                        warnings.add(new ScheduleWarning(
                                schedule.name(),
                                layer.name(),
                                member,
                                Kind.UNKNOWN_USER,
                                "layer '" + layer.name() + "' names " + member + ", who is not a user"));
                    } else if (account.isPresent() && !account.get().enabled()) {
                        warnings.add(new ScheduleWarning(
                                schedule.name(),
                                layer.name(),
                                member,
                                Kind.DISABLED_USER,
                                "layer '" + layer.name() + "' names " + member + ", whose account is disabled"));
                    } else if (flagged.add(member)) {
                        unreachable(schedule.name(), layer.name(), member, people, reachability)
                                .ifPresent(warnings::add);
                    }
                }
            }
            for (StoredOverride o : notEnded) {
                if (o.schedule().equals(schedule.name())
                        && flagged.add(o.username())
                        && people.userExists(o.username())) {
                    unreachable(schedule.name(), null, o.username(), people, reachability)
                            .ifPresent(warnings::add);
                }
            }
        }
        return warnings;
    }

    private static Optional<ScheduleWarning> unreachable(
            String schedule, String layer, String username, PeopleDirectory people, Reachability reachability) {
        if (people.contactMethods(username).isEmpty()) {
            return Optional.of(new ScheduleWarning(
                    schedule,
                    layer,
                    username,
                    Kind.NO_CONTACT_METHOD,
                    username + " is on schedule '" + schedule
                            + "' but has no contact method: a page would reach nobody"));
        }
        if (!reachability.reachable(username)) {
            return Optional.of(new ScheduleWarning(
                    schedule,
                    layer,
                    username,
                    Kind.NO_WORKING_CONTACT_METHOD,
                    username + " is on schedule '" + schedule + "' but none of their contact methods is verified"
                            + " and working for high-urgency pages: a page would reach nobody"));
        }
        return Optional.empty();
    }
}
