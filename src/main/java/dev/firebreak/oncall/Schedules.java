package dev.firebreak.oncall;

import dev.firebreak.oncall.internal.schedule.IcsCalendars;
import dev.firebreak.oncall.internal.schedule.OverrideImport;
import dev.firebreak.oncall.internal.schedule.OverrideRules;
import dev.firebreak.oncall.internal.schedule.OverrideStore;
import dev.firebreak.oncall.internal.schedule.ScheduleRules;
import dev.firebreak.oncall.internal.schedule.ScheduleStore;
import dev.firebreak.oncall.internal.schedule.WarningCheck;
import dev.firebreak.platform.FirebreakException.BadInput;
import dev.firebreak.platform.FirebreakException.Conflict;
import dev.firebreak.platform.FirebreakException.NotFound;
import dev.firebreak.platform.security.UserAccount;
import dev.firebreak.platform.security.UserAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored on-call schedules: layers changed wholesale in one transaction, overrides and swaps, and
 * the final timeline that says who is on call. Changes to one schedule lock its row, so two
 * overlapping overrides cannot both pass the overlap check.
 */
@Service
public class Schedules implements OnCallLookup {
    /** How far around an instant {@link #who} looks to say since and until when a person is on call. */
    static final Duration LOOK_BACK = Duration.ofDays(14);

    static final Duration LOOK_AHEAD = Duration.ofDays(35);

    public static final int MAX_ROTATION_HOURS = ScheduleRules.MAX_HOURS;

    private final ScheduleStore store;
    private final OverrideStore overrides;
    private final PeopleDirectory people;
    private final UserAccounts accounts;
    private final ObjectProvider<Reachability> reachability;
    private final Clock clock;

    Schedules(
            ScheduleStore store,
            OverrideStore overrides,
            PeopleDirectory people,
            UserAccounts accounts,
            ObjectProvider<Reachability> reachability,
            Clock clock) {
        this.store = store;
        this.overrides = overrides;
        this.accounts = accounts;
        this.people = people;
        this.reachability = reachability;
        this.clock = clock;
    }

    /** An IANA zone, or a bad input naming {@code field} with a hint. */
    public static ZoneId zone(String field, String text) {
        return ScheduleRules.zone(field, text);
    }

    @Transactional
    public Schedule create(Schedule schedule, String by) {
        ScheduleRules.schedule(schedule, people);
        if (store.id(schedule.name()).isPresent()) {
            throw new Conflict("schedule '" + schedule.name() + "' already exists");
        }
        store.insert(schedule, by, clock.instant());
        return get(schedule.name());
    }

    /** Replaces the schedule and all its layers; overrides stay. A new name renames it. */
    @Transactional
    public Schedule update(String name, Schedule schedule) {
        long id = locked(name);
        ScheduleRules.schedule(schedule, people);
        if (!schedule.name().equals(name) && store.id(schedule.name()).isPresent()) {
            throw new Conflict("schedule '" + schedule.name() + "' already exists");
        }
        store.update(id, schedule, clock.instant());
        return get(schedule.name());
    }

    @Transactional
    public void delete(String name) {
        store.delete(locked(name));
    }

    public Schedule get(String name) {
        return store.find(name).map(ScheduleStore.Stored::schedule).orElseThrow(() -> missing(name));
    }

    public List<Schedule> list() {
        return store.names().stream()
                .map(n -> store.find(n).map(ScheduleStore.Stored::schedule))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Everything that decides the schedule over {@code [from, to)}: its layers and the overrides in it. */
    public ScheduleDefinition definition(String name, Instant from, Instant to) {
        ScheduleStore.Stored stored = store.find(name).orElseThrow(() -> missing(name));
        Schedule s = stored.schedule();
        List<ScheduleOverride> inWindow = overrides.overlapping(stored.id(), from, to).stream()
                .map(StoredOverride::toOverride)
                .toList();
        return new ScheduleDefinition(s.name(), s.team(), s.zone(), s.layers(), inWindow);
    }

    public RenderedSchedule render(String name, Instant from, Instant to) {
        ScheduleRules.window(from, to);
        return ScheduleRenderer.render(definition(name, from, to), from, to);
    }

    public List<StoredOverride> overrides(String schedule, Instant from, Instant to) {
        ScheduleRules.window(from, to);
        long id = store.id(schedule).orElseThrow(() -> missing(schedule));
        return overrides.overlapping(id, from, to);
    }

    /** {@code replaces} null: whoever is on call then. Rejects an overlap with an override of the same slot. */
    @Transactional
    public StoredOverride addOverride(
            String schedule, String username, String replaces, Instant start, Instant end, String by) {
        long id = locked(schedule);
        Schedule s = get(schedule);
        long saved = insertOverride(id, s, "", username, replaces, start, end, by, null);
        return overrides.find(id, saved).orElseThrow();
    }

    /**
     * A swap: {@code userB} takes {@code userA}'s shift {@code [aStart, aEnd)} and {@code userA} takes
     * {@code userB}'s {@code [bStart, bEnd)}; two overrides saved together, removed together.
     */
    @Transactional
    public List<StoredOverride> swap(
            String schedule,
            String userA,
            Instant aStart,
            Instant aEnd,
            String userB,
            Instant bStart,
            Instant bEnd,
            String by) {
        long id = locked(schedule);
        Schedule s = get(schedule);
        if (Objects.equals(userA, userB)) {
            throw new BadInput("userB", "a swap is between two different people");
        }
        onCallIn(schedule, userA, aStart, aEnd, "shiftA");
        onCallIn(schedule, userB, bStart, bEnd, "shiftB");
        String group = UUID.randomUUID().toString();
        insertOverride(id, s, "shiftA.", userB, userA, aStart, aEnd, by, group);
        insertOverride(id, s, "shiftB.", userA, userB, bStart, bEnd, by, group);
        return overrides.swap(group);
    }

    /** Removes the override; removing half of a swap removes the other half too. Returns what was removed. */
    @Transactional
    public List<StoredOverride> removeOverride(String schedule, long overrideId) {
        long id = locked(schedule);
        StoredOverride o = overrides
                .find(id, overrideId)
                .orElseThrow(() -> new NotFound("schedule '" + schedule + "' has no override " + overrideId));
        List<StoredOverride> removed = o.swapGroup() == null ? List.of(o) : overrides.swap(o.swapGroup());
        removed.forEach(r -> overrides.delete(r.id()));
        return removed;
    }

    /**
     * Overrides from an iCalendar file: each VEVENT becomes an override for the person its ATTENDEE
     * email, ORGANIZER or SUMMARY names (a username or a user's email). All or nothing.
     */
    @Transactional
    public List<StoredOverride> importOverrides(String schedule, String ics, String by) {
        long id = locked(schedule);
        Schedule s = get(schedule);
        Map<String, String> byEmail = new HashMap<>();
        for (UserAccount account : accounts.list()) {
            if (account.email() != null) {
                byEmail.putIfAbsent(account.email().toLowerCase(Locale.ROOT), account.username());
            }
        }
        List<StoredOverride> imported = new ArrayList<>();
        for (IcsCalendars.Event event : IcsCalendars.read(ics, s.zone())) {
            String username = OverrideImport.person(event, byEmail, people::userExists)
                    .orElseThrow(() -> new BadInput(
                            "body", event.label() + ": names no known user in ATTENDEE, ORGANIZER or SUMMARY"));
            try {
                long saved = insertOverride(id, s, "", username, null, event.start(), event.end(), by, null);
                imported.add(overrides.find(id, saved).orElseThrow());
            } catch (BadInput e) {
                throw new BadInput("body", event.label() + ": " + e.getMessage());
            } catch (Conflict e) {
                throw new Conflict(event.label() + ": " + e.getMessage());
            }
        }
        return imported;
    }

    /** Who is on call for each schedule (or the one named) at {@code at}, with since and until when. */
    public List<OnCallNow> who(String schedule, Instant at) {
        Instant when = at == null ? clock.instant() : at;
        List<String> names =
                schedule == null ? store.names() : List.of(get(schedule).name());
        List<OnCallNow> result = new ArrayList<>();
        for (String name : names) {
            List<OnCallShift> timeline =
                    render(name, when.minus(LOOK_BACK), when.plus(LOOK_AHEAD)).finalShifts();
            List<OnCallShift> now = new ArrayList<>();
            for (OnCallShift shift : timeline) {
                if (!shift.start().isAfter(when) && shift.end().isAfter(when)) {
                    now.add(span(timeline, shift));
                }
            }
            result.add(new OnCallNow(name, now));
        }
        return result;
    }

    /** A user's own final shifts on every schedule overlapping {@code [from, to)}: "my shifts". */
    public List<OnCallShift> shiftsOf(String username, Instant from, Instant to) {
        return shifts(null, from, to).stream()
                .filter(s -> s.username().equals(username))
                .toList();
    }

    /** Who a page would not reach, on any schedule; see {@link ScheduleWarning}. */
    public List<ScheduleWarning> warnings() {
        Instant now = clock.instant();
        Reachability reach = reachability.getIfAvailable(
                () -> username -> !people.contactMethods(username).isEmpty());
        return WarningCheck.check(list(), overrides.notEnded(now), people, accounts, reach, now);
    }

    @Override
    public boolean scheduleExists(String schedule) {
        return schedule != null && store.id(schedule).isPresent();
    }

    @Override
    public List<String> onCallAt(String schedule, Instant at) {
        return render(schedule, at, at.plusSeconds(1)).finalShifts().stream()
                .map(OnCallShift::username)
                .distinct()
                .toList();
    }

    @Override
    public List<OnCallShift> shifts(String schedule, Instant from, Instant to) {
        ScheduleRules.window(from, to);
        List<String> names =
                schedule == null ? store.names() : List.of(get(schedule).name());
        return names.stream()
                .flatMap(n -> render(n, from, to).finalShifts().stream())
                .sorted(Comparator.comparing(OnCallShift::start).thenComparing(OnCallShift::schedule))
                .toList();
    }

    private long insertOverride(
            long id,
            Schedule s,
            String field,
            String username,
            String replaces,
            Instant start,
            Instant end,
            String by,
            String swapGroup) {
        OverrideRules.check(s, field, username, replaces, start, end, people);
        OverrideRules.noOverlap(overrides.overlapping(id, start, end), replaces);
        return overrides.insert(id, username, replaces, start, end, by, clock.instant(), swapGroup);
    }

    private void onCallIn(String schedule, String username, Instant start, Instant end, String field) {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new BadInput(field + ".end", "a shift's end must be after its start");
        }
        boolean on = render(schedule, start, end).finalShifts().stream()
                .anyMatch(sh -> sh.username().equals(username));
        if (!on) {
            throw new BadInput(field, username + " is not on call between " + start + " and " + end);
        }
    }

    /** The shift stretched over the adjacent shifts of the same person: their unbroken time on call. */
    private static OnCallShift span(List<OnCallShift> timeline, OnCallShift shift) {
        Instant start = shift.start();
        Instant end = shift.end();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (OnCallShift other : timeline) {
                if (other.username().equals(shift.username())) {
                    if (other.end().equals(start)) {
                        start = other.start();
                        grew = true;
                    }
                    if (other.start().equals(end)) {
                        end = other.end();
                        grew = true;
                    }
                }
            }
        }
        return new OnCallShift(shift.schedule(), shift.username(), start, end, shift.source());
    }

    private long locked(String name) {
        return store.lock(name).orElseThrow(() -> missing(name));
    }

    private static NotFound missing(String name) {
        return new NotFound("no schedule '" + name + "'");
    }
}
