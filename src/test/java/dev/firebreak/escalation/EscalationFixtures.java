package dev.firebreak.escalation;

import dev.firebreak.alert.AlertGroup;
import dev.firebreak.incident.AlertGroups;
import dev.firebreak.incident.IncidentQuery;
import dev.firebreak.incident.Incidents;
import dev.firebreak.oncall.RotationLength;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.ScheduleLayer;
import dev.firebreak.oncall.Schedules;
import dev.firebreak.platform.security.Role;
import dev.firebreak.platform.security.UserAccounts;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users, schedules, policies and incidents for escalation tests, each with a fresh name. */
record EscalationFixtures(
        UserAccounts accounts,
        Schedules schedules,
        EscalationPolicies policies,
        Incidents incidents,
        AlertGroups groups) {

    String user() {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "password-" + UUID.randomUUID(), Role.RESPONDER, null, null);
        return name;
    }

    /** A schedule whose only layer starts in ten years: nobody is on call now. */
    String emptySchedule(String member) {
        String name = "s" + UUID.randomUUID().toString().substring(0, 8);
        schedules.create(
                new Schedule(
                        name,
                        null,
                        null,
                        ZoneOffset.UTC,
                        List.of(new ScheduleLayer(
                                "later",
                                0,
                                List.of(member),
                                LocalDateTime.now().plusYears(10),
                                RotationLength.weekly(),
                                List.of()))),
                "test");
        return name;
    }

    /** A schedule with one member on call around the clock from a year ago. */
    String schedule(String member) {
        String name = "s" + UUID.randomUUID().toString().substring(0, 8);
        schedules.create(
                new Schedule(
                        name,
                        null,
                        null,
                        ZoneOffset.UTC,
                        List.of(new ScheduleLayer(
                                "always",
                                0,
                                List.of(member),
                                LocalDateTime.now().minusYears(1),
                                RotationLength.weekly(),
                                List.of()))),
                "test");
        return name;
    }

    static PolicyStep step(Duration delay, StepTarget... targets) {
        return new PolicyStep(Arrays.asList(targets), delay);
    }

    static StepTarget user(String name) {
        return new StepTarget(StepTarget.Kind.USER, name);
    }

    String policy(int repeat, Duration ackTimeout, PolicyStep... steps) {
        String name = "p" + UUID.randomUUID().toString().substring(0, 8);
        policies.save(
                new EscalationPolicy(
                        name, null, repeat, ackTimeout, List.of(new PolicyTier(null, null, List.of(steps))), null),
                "test");
        return name;
    }

    AlertGroup group(String policy) {
        String key = AlertGroups.key();
        return new AlertGroup(
                key,
                "default",
                Map.of(),
                "checkout",
                policy,
                "critical",
                null,
                List.of(AlertGroups.alert(
                        "Zqxv" + UUID.randomUUID().toString().substring(0, 6),
                        Map.of(),
                        incidents.now(),
                        "zqxv wobble")));
    }

    /** Opens an incident through the routing side's event, as intake does; returns its id. */
    long open(AlertGroup group) {
        groups.fire(group);
        return incidents
                .list(new IncidentQuery(null, null, group.groupKey(), 10))
                .getFirst()
                .id();
    }
}
