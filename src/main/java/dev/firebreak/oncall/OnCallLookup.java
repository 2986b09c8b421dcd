package dev.firebreak.oncall;

import java.time.Instant;
import java.util.List;

/** Who is on call, for escalation and for people. Read only; reads the stored schedules. */
public interface OnCallLookup {
    boolean scheduleExists(String schedule);

    /** Usernames on the final timeline of a schedule at an instant; empty when nobody is. */
    List<String> onCallAt(String schedule, Instant at);

    /** Final shifts of every schedule (or one, when {@code schedule} is not null) overlapping {@code [from, to)}. */
    List<OnCallShift> shifts(String schedule, Instant from, Instant to);
}
