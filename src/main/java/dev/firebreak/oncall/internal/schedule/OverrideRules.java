package dev.firebreak.oncall.internal.schedule;

import dev.firebreak.oncall.PeopleDirectory;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.StoredOverride;
import dev.firebreak.platform.FirebreakException.BadInput;
import dev.firebreak.platform.FirebreakException.Conflict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What makes an override valid: a real window, the schedule's own people, and no overlap for the same slot. */
public final class OverrideRules {
    private OverrideRules() {}

    /** {@code field} prefixes the field names, as {@code shiftA.} does for a swap's halves. */
    public static void check(
            Schedule s,
            String field,
            String username,
            String replaces,
            Instant start,
            Instant end,
            PeopleDirectory people) {
        if (start == null) {
            throw new BadInput(field + "start", "an override needs a start");
        }
        if (end == null || !end.isAfter(start)) {
            throw new BadInput(field + "end", "an override's end must be after its start");
        }
        if (Duration.between(start, end).compareTo(ScheduleRules.MAX_WINDOW) > 0) {
            throw new BadInput(field + "end", "an override is at most " + ScheduleRules.MAX_WINDOW.toDays() + " days");
        }
        eligible(s, field + "username", username, people);
        if (replaces != null) {
            eligible(s, field + "replaces", replaces, people);
            if (replaces.equals(username)) {
                throw new BadInput(field + "replaces", "a person cannot replace themselves");
            }
        }
    }

    /** Two overrides of one slot (the same replaced person, or both "whoever is on call") may not overlap. */
    public static void noOverlap(List<StoredOverride> overlapping, String replaces) {
        for (StoredOverride other : overlapping) {
            if (Objects.equals(other.replaces(), replaces)) {
                throw new Conflict("overlaps override " + other.id() + " (" + other.username()
                        + (replaces == null ? "" : " for " + replaces) + ", " + other.start() + " to " + other.end()
                        + ")");
            }
        }
    }

    /** Overrides are for the schedule's people: its team's members, else those in a layer. */
    private static void eligible(Schedule s, String field, String username, PeopleDirectory people) {
        if (username == null || username.isBlank()) {
            throw new BadInput(field, field + " is required");
        }
        if (!people.userExists(username)) {
            throw new BadInput(field, "no user '" + username + "'");
        }
        boolean inLayer = s.layers().stream().anyMatch(l -> l.members().contains(username));
        boolean inTeam = s.team() != null && people.teamMembers(s.team()).contains(username);
        if (!inLayer && !inTeam) {
            throw new BadInput(
                    field,
                    username + " is not in "
                            + (s.team() == null ? "any layer of" : "team '" + s.team() + "' nor in any layer of")
                            + " schedule '" + s.name() + "'");
        }
    }
}
