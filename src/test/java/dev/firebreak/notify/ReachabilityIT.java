package dev.firebreak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.oncall.ContactMethod;
import dev.firebreak.oncall.RotationLength;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.ScheduleLayer;
import dev.firebreak.oncall.ScheduleWarning;
import dev.firebreak.oncall.Schedules;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Someone on call whom no page would reach is flagged on the schedule, the dashboard and in a metric. */
@Tag("database")
class ReachabilityIT extends EmailServerTest {
    @Autowired
    Schedules schedules;

    @Autowired
    ContactVerification verification;

    @Test
    void anOnCallPersonWithoutAVerifiedMethod_isFlaggedUntilTheyVerifyOne() {
        String ivy = user();
        ContactMethod method = people.addContactMethod(ivy, ContactMethod.Kind.EMAIL, ivy + "@example.com", null);
        String schedule = name("s");
        schedules.create(
                new Schedule(
                        schedule,
                        null,
                        null,
                        ZoneOffset.UTC,
                        List.of(new ScheduleLayer(
                                "always",
                                0,
                                List.of(ivy),
                                LocalDateTime.now().minusYears(1),
                                RotationLength.weekly(),
                                List.of()))),
                "test");

        assertThat(warnings(schedule)).singleElement().satisfies(w -> {
            assertThat(w.username()).isEqualTo(ivy);
            assertThat(w.kind()).isEqualTo(ScheduleWarning.Kind.NO_WORKING_CONTACT_METHOD);
            assertThat(w.message()).contains("none of their contact methods is verified");
        });
        assertThat(get("/actuator/prometheus", null).body())
                .containsPattern("(?m)^firebreak_notify_unreachable_people(\\{[^}]*\\})? [1-9]");
        WebSession session = login(ivy, "password-" + ivy);
        assertThat(getPage(session, "/").body())
                .contains("id=\"unreachable-people\"")
                .contains(">" + ivy + "</a>");
        assertThat(getPage(session, "/oncall/schedules/" + schedule).body())
                .contains("id=\"schedule-warnings\"")
                .contains(ivy + " is on schedule &#39;" + schedule + "&#39; but none of their contact methods");
        String account = getPage(session, "/account").body();
        assertThat(account).contains("not verified").contains("Send code");

        verification.markVerified(ivy, method.id(), "admin", "test");
        assertThat(warnings(schedule)).isEmpty();
        assertThat(getPage(session, "/oncall/schedules/" + schedule).body()).doesNotContain("id=\"schedule-warnings\"");
        assertThat(getPage(session, "/account").body()).contains("badge ok\">verified");
    }

    private List<ScheduleWarning> warnings(String schedule) {
        return schedules.warnings().stream()
                .filter(w -> w.schedule().equals(schedule))
                .toList();
    }
}
