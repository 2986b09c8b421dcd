package dev.firebreak.oncall;

import java.util.List;

/**
 * Who is on call for a schedule at an instant: each person's shift stretched over the adjacent
 * shifts of the same person, so {@code start} and {@code end} say since and until when (within a
 * few weeks either side). Empty when nobody is.
 */
public record OnCallNow(String schedule, List<OnCallShift> onCall) {}
