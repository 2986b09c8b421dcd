package dev.firebreak.oncall;

/**
 * How long each member of a rotation layer holds it. Handoffs are wall-clock times in the
 * schedule's zone: a daily rotation hands off at 09:00 every day, across DST too, so a shift over
 * a transition is 23 or 25 hours long (its true length), never moved.
 *
 * @param kind daily, weekly, or a custom number of hours
 * @param hours the length in hours: 24 for daily, 168 for weekly, 1..8760 for custom
 */
public record RotationLength(Kind kind, int hours) {
    public enum Kind {
        DAILY,
        WEEKLY,
        HOURS
    }

    public static RotationLength daily() {
        return new RotationLength(Kind.DAILY, 24);
    }

    public static RotationLength weekly() {
        return new RotationLength(Kind.WEEKLY, 168);
    }

    public static RotationLength hours(int hours) {
        return new RotationLength(Kind.HOURS, hours);
    }
}
