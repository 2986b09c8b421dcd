package dev.firebreak.api;

import dev.firebreak.oncall.OnCallNow;
import dev.firebreak.oncall.OnCallShift;
import dev.firebreak.oncall.ScheduleWarning;
import dev.firebreak.oncall.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who is on call ({@code /api/v1/oncall}), shifts between two times, and people a page would miss. */
@RestController
class OnCallController {
    private final Schedules schedules;
    private final Clock clock;

    OnCallController(Schedules schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    /** Per schedule (or the one named), who is on call now or at {@code at}, since and until when. */
    @GetMapping("/api/v1/oncall")
    List<OnCallNow> who(@RequestParam(required = false) String schedule, @RequestParam(required = false) String at) {
        return schedules.who(blank(schedule), ApiTimes.optional("at", at));
    }

    /** Final shifts overlapping {@code [from, to)}, of one schedule and/or one user; default: the next 7 days. */
    @GetMapping("/api/v1/oncall/shifts")
    List<OnCallShift> shifts(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String schedule,
            @RequestParam(required = false) String user) {
        Instant start = ApiTimes.optional("from", from);
        start = start == null ? clock.instant() : start;
        Instant end = ApiTimes.optional("to", to);
        end = end == null ? start.plus(Duration.ofDays(7)) : end;
        String username = blank(user);
        return schedules.shifts(blank(schedule), start, end).stream()
                .filter(s -> username == null || s.username().equals(username))
                .toList();
    }

    @GetMapping("/api/v1/oncall/warnings")
    List<ScheduleWarning> warnings() {
        return schedules.warnings();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
