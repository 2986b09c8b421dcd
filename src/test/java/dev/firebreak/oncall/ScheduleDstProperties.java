package dev.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A whole year of generated schedules in zones with hour, half-hour and no DST: the final timeline
 * tiles the year, handoffs stay on the wall clock, shift lengths are the true elapsed time, and
 * rendering month by month gives the same shifts as rendering the year (Grafana OnCall #3261,
 * #5455; OneUptime #1890: shifts moved or shortened at DST).
 */
class ScheduleDstProperties {
    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Australia/Lord_Howe"));
    static final List<Integer> CUSTOM_HOURS = List.of(1, 2, 3, 4, 6, 8, 12, 24, 36, 48, 72);
    static final List<String> PEOPLE = List.of("ana", "ben", "cho", "dev", "eli", "fay");
    static final LocalDateTime YEAR_START = LocalDateTime.parse("2026-01-01T00:00");

    /** A generated schedule; its base layer (lowest priority) is mostly unrestricted. */
    record Case(ScheduleDefinition definition) {
        ZoneId zone() {
            return definition.zone();
        }

        Instant from() {
            return YEAR_START.atZone(zone()).toInstant();
        }

        Instant to() {
            return YEAR_START.plusYears(1).atZone(zone()).toInstant();
        }

        ScheduleLayer base() {
            return definition.layers().getFirst();
        }

        boolean baseAlwaysOnCall() {
            return base().restrictions().isEmpty();
        }
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void finalTimeline_neverOverlaps_andTilesTheYear(@ForAll("schedules") Case c) {
        var rendered = ScheduleRenderer.render(c.definition(), c.from(), c.to());
        var shifts = rendered.finalShifts();

        for (int i = 0; i < shifts.size(); i++) {
            var s = shifts.get(i);
            assertThat(s.start()).isBefore(s.end());
            if (i > 0) {
                var previous = shifts.get(i - 1);
                assertThat(s.start()).as("after %s", previous).isAfterOrEqualTo(previous.end());
                assertThat(previous.end().equals(s.start())
                                && previous.username().equals(s.username())
                                && previous.source().equals(s.source()))
                        .as("unmerged neighbours %s, %s", previous, s)
                        .isFalse();
            }
        }
        if (c.baseAlwaysOnCall()) {
            // Somebody is on call at every instant: the shifts tile the year exactly.
            assertThat(shifts.getFirst().start()).isEqualTo(c.from());
            assertThat(shifts.getLast().end()).isEqualTo(c.to());
            for (int i = 1; i < shifts.size(); i++) {
                assertThat(shifts.get(i).start()).isEqualTo(shifts.get(i - 1).end());
            }
            assertThat(shifts.stream().map(OnCallShift::length).reduce(Duration.ZERO, Duration::plus))
                    .isEqualTo(Duration.between(c.from(), c.to()));
        }
        for (var o : c.definition().overrides()) {
            var inside = shifts.stream()
                    .filter(s -> s.start().isBefore(o.end()) && s.end().isAfter(o.start()))
                    .toList();
            if (o.replaces() == null) {
                // The override's user holds its whole span (inside the year), gaps included.
                var expected = Duration.between(max(o.start(), c.from()), min(o.end(), c.to()));
                assertThat(inside)
                        .allMatch(s ->
                                s.username().equals(o.username()) && s.source().equals(ScheduleRenderer.OVERRIDE));
                assertThat(inside.stream().map(OnCallShift::length).reduce(Duration.ZERO, Duration::plus))
                        .isEqualTo(expected.isNegative() ? Duration.ZERO : expected);
            } else {
                // Nothing of the replaced person is left in the override's span.
                assertThat(inside)
                        .noneMatch(s ->
                                s.username().equals(o.replaces()) && !s.source().equals(ScheduleRenderer.OVERRIDE));
            }
        }
        for (var layerShifts : rendered.layers().values()) {
            for (int i = 1; i < layerShifts.size(); i++) {
                assertThat(layerShifts.get(i).start())
                        .isAfterOrEqualTo(layerShifts.get(i - 1).end());
            }
            assertThat(layerShifts)
                    .allMatch(s -> !s.start().isBefore(c.from()) && !s.end().isAfter(c.to()));
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void everyHandoff_happensAtItsWallClockTime(@ForAll("schedules") Case c) {
        var rendered = ScheduleRenderer.render(c.definition(), c.from(), c.to());
        for (var layer : c.definition().layers()) {
            var rotation = unrestricted(c, layer);
            for (var shift : rotation) {
                if (shift.start().equals(c.from())) {
                    continue; // cut by the window, not a handoff
                }
                long k = handoffIndex(layer, c.zone(), shift.start());
                assertThat(k).as("%s: %s is not a handoff", layer, shift).isNotNegative();
                assertThat(shift.username()).isEqualTo(layer.members().get((int)
                        (k % layer.members().size())));
                var local = LocalDateTime.ofInstant(shift.start(), c.zone());
                var wall = layer.start().plusHours(k * layer.length().hours());
                if (layer.length().kind() != RotationLength.Kind.HOURS) {
                    assertThat(wall.toLocalTime()).isEqualTo(layer.start().toLocalTime());
                    if (layer.length().kind() == RotationLength.Kind.WEEKLY) {
                        assertThat(wall.getDayOfWeek()).isEqualTo(layer.start().getDayOfWeek());
                    }
                }
                if (c.zone().getRules().getValidOffsets(wall).isEmpty()) {
                    // In a gap the handoff moves forward by the gap, the same day.
                    var gap = c.zone().getRules().getTransition(wall).getDuration();
                    assertThat(local).isEqualTo(wall.plus(gap));
                } else {
                    assertThat(local).isEqualTo(wall);
                }
            }
            if (!layer.restrictions().isEmpty()) {
                assertRotationCutToWindows(c, layer, rotation, rendered.layers().get(layer.name()));
            }
        }
    }

    /**
     * A restricted layer is its rotation cut to its windows, checked on a 15-minute grid: every
     * boundary here (handoffs, window edges, offsets) is on it, so the grid is exact.
     */
    private static void assertRotationCutToWindows(
            Case c, ScheduleLayer layer, List<OnCallShift> rotation, List<OnCallShift> pieces) {
        boolean[] inAWindow = windowGrid(c, layer);
        int r = 0;
        int p = 0;
        for (int i = 0; i < inAWindow.length; i++) {
            Instant t = c.from().plus(Duration.ofMinutes(15L * i));
            while (r < rotation.size() && !rotation.get(r).end().isAfter(t)) {
                r++;
            }
            while (p < pieces.size() && !pieces.get(p).end().isAfter(t)) {
                p++;
            }
            String rotating = r < rotation.size() && !rotation.get(r).start().isAfter(t)
                    ? rotation.get(r).username()
                    : null;
            String expected = rotating != null && inAWindow[i] ? rotating : null;
            String actual = p < pieces.size() && !pieces.get(p).start().isAfter(t)
                    ? pieces.get(p).username()
                    : null;
            if (!java.util.Objects.equals(actual, expected)) {
                assertThat(actual).as("%s at %s", layer, t.atZone(c.zone())).isEqualTo(expected);
            }
        }
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void everyShift_isAsLongAsTheTrueElapsedTime(@ForAll("schedules") Case c) {
        var rules = c.zone().getRules();
        for (var layer : c.definition().layers()) {
            long hours = layer.length().hours();
            for (var shift : unrestricted(c, layer)) {
                assertThat(shift.length())
                        .isEqualTo(Duration.between(
                                shift.start().atZone(c.zone()), shift.end().atZone(c.zone())));
                if (shift.start().equals(c.from()) || shift.end().equals(c.to())) {
                    continue;
                }
                long k = handoffIndex(layer, c.zone(), shift.start());
                assertThat(k).as("%s: %s is not a handoff", layer, shift).isNotNegative();
                var wallStart = layer.start().plusHours(k * hours);
                var wallEnd = wallStart.plusHours(hours);
                // Wall-clock length, less the change of offset, plus any move out of a gap.
                var offsetChange =
                        Duration.ofSeconds(rules.getOffset(shift.end()).getTotalSeconds()
                                - rules.getOffset(shift.start()).getTotalSeconds());
                var moved = Duration.between(wallEnd, LocalDateTime.ofInstant(shift.end(), c.zone()))
                        .minus(Duration.between(wallStart, LocalDateTime.ofInstant(shift.start(), c.zone())));
                assertThat(shift.length())
                        .as("%s in %s", shift, layer)
                        .isEqualTo(Duration.ofHours(hours).minus(offsetChange).plus(moved));
                if (layer.length().kind() == RotationLength.Kind.DAILY && moved.isZero()) {
                    boolean transitionDay = !offsetChange.isZero();
                    assertThat(shift.length())
                            .isEqualTo(transitionDay ? Duration.ofHours(24).minus(offsetChange) : Duration.ofHours(24));
                    assertThat(offsetChange.abs()).isLessThanOrEqualTo(Duration.ofHours(1));
                }
            }
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void renderingMonthByMonth_givesTheSameShiftsAsRenderingTheYear(@ForAll("schedules") Case c) {
        List<Instant> seams = new ArrayList<>();
        for (int m = 1; m < 12; m++) {
            seams.add(YEAR_START.plusMonths(m).atZone(c.zone()).toInstant());
        }
        var whole = ScheduleRenderer.render(c.definition(), c.from(), c.to());
        List<OnCallShift> finalPieces = new ArrayList<>();
        Map<String, List<OnCallShift>> layerPieces = new java.util.LinkedHashMap<>();
        for (int m = 0; m < 12; m++) {
            var piece = ScheduleRenderer.render(
                    c.definition(),
                    YEAR_START.plusMonths(m).atZone(c.zone()).toInstant(),
                    YEAR_START.plusMonths(m + 1).atZone(c.zone()).toInstant());
            finalPieces.addAll(piece.finalShifts());
            piece.layers().forEach((name, shifts) -> layerPieces
                    .computeIfAbsent(name, n -> new ArrayList<>())
                    .addAll(shifts));
        }

        // The whole year cut at the month seams is exactly the months put side by side.
        assertThat(finalPieces).isEqualTo(cutAt(whole.finalShifts(), seams));
        assertThat(layerPieces.keySet())
                .containsExactlyElementsOf(whole.layers().keySet());
        whole.layers()
                .forEach((name, shifts) ->
                        assertThat(layerPieces.get(name)).as(name).isEqualTo(cutAt(shifts, seams)));
        // And joining the pieces at the seams gives the whole year back.
        assertThat(joinAt(finalPieces, seams)).isEqualTo(whole.finalShifts());
    }

    // --- generators ---

    @Provide
    Arbitrary<Case> schedules() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES);
        Arbitrary<List<Restriction>> restrictions =
                restriction().list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<List<ScheduleLayer>> upper = Combinators.combine(rotation(-200, 800), restrictions)
                .as(Rotation::withRestrictions)
                .list()
                .ofMaxSize(2);
        Arbitrary<List<Restriction>> baseRestrictions =
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(List.of())), Tuple.of(1, restrictions));
        return Combinators.combine(zones, rotation(1, 900), baseRestrictions, upper, overrides())
                .as((zone, base, restricted, more, overrides) -> {
                    List<ScheduleLayer> layers = new ArrayList<>();
                    layers.add(new ScheduleLayer("base", 0, base.members(), base.start(), base.length(), restricted));
                    for (int i = 0; i < more.size(); i++) {
                        var l = more.get(i);
                        layers.add(new ScheduleLayer(
                                "upper" + i, 10 + i, l.members(), l.start(), l.length(), l.restrictions()));
                    }
                    return new Case(new ScheduleDefinition("ops", "team", zone, layers, overrides));
                });
    }

    /** A layer's rotation before its name and restrictions are known. */
    record Rotation(List<String> members, LocalDateTime start, RotationLength length) {
        ScheduleLayer withRestrictions(List<Restriction> restrictions) {
            return new ScheduleLayer("layer", 0, members, start, length, restrictions);
        }
    }

    private static Arbitrary<Rotation> rotation(int minDaysBefore, int maxDaysBefore) {
        Arbitrary<RotationLength> lengths = Arbitraries.oneOf(
                Arbitraries.just(RotationLength.daily()),
                Arbitraries.just(RotationLength.weekly()),
                Arbitraries.of(CUSTOM_HOURS).map(RotationLength::hours));
        // Handoffs between 02:00 and 03:00 hit the gap or the overlap on transition days: weight them.
        Arbitrary<LocalTime> times = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.of(0, 15, 30, 45))
                        .as(LocalTime::of),
                Arbitraries.integers().between(0, 59).map(minute -> LocalTime.of(2, minute)));
        Arbitrary<LocalDate> days = Arbitraries.integers()
                .between(minDaysBefore, maxDaysBefore)
                .map(before -> YEAR_START.toLocalDate().minusDays(before));
        Arbitrary<List<String>> members = Arbitraries.integers()
                .between(1, PEOPLE.size())
                .flatMap(n -> Arbitraries.shuffle(PEOPLE).map(people -> people.subList(0, n)));
        return Combinators.combine(members, days, times, lengths)
                .as((m, day, time, length) -> new Rotation(m, day.atTime(time), length));
    }

    private static Arbitrary<Restriction> restriction() {
        Arbitrary<LocalTime> times = Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.of(0, 30))
                .as(LocalTime::of);
        return Combinators.combine(
                        Arbitraries.of(DayOfWeek.class).set().ofMinSize(1), times, times, Arbitraries.of(1, 2, 3))
                .as((days, from, to, shape) -> switch (shape) {
                    case 1 -> new Restriction(days, from, to); // daytime or overnight
                    case 2 -> new Restriction(days, from, from); // all day
                    default -> new Restriction(days, LocalTime.of(22, 0), LocalTime.of(2, 30)); // nights into the gap
                });
    }

    /** Up to five overrides in the year that do not overlap, some replacing a person. */
    private static Arbitrary<List<ScheduleOverride>> overrides() {
        Arbitrary<Integer> starts = Arbitraries.integers().between(-48, 366 * 24);
        Arbitrary<Integer> lengths = Arbitraries.integers().between(1, 96);
        Arbitrary<String> replaces = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(PEOPLE));
        Arbitrary<ScheduleOverride> one = Combinators.combine(Arbitraries.of(PEOPLE), replaces, starts, lengths)
                .as((who, replaced, start, length) -> {
                    Instant at = Instant.parse("2026-01-01T00:00:00Z").plus(start * 30L, ChronoUnit.MINUTES);
                    return new ScheduleOverride(0, who, replaced, at, at.plus(Duration.ofHours(length)));
                });
        return one.list().ofMaxSize(5).map(ScheduleDstProperties::withoutOverlaps);
    }

    private static List<ScheduleOverride> withoutOverlaps(List<ScheduleOverride> overrides) {
        var sorted = new ArrayList<>(overrides);
        sorted.sort(java.util.Comparator.comparing(ScheduleOverride::start));
        List<ScheduleOverride> out = new ArrayList<>();
        for (var o : sorted) {
            if (out.isEmpty() || !o.start().isBefore(out.getLast().end())) {
                out.add(o);
            }
        }
        return out;
    }

    // --- independent checks ---

    /** The layer's rotation over the year with no restrictions, rendered alone. */
    private static List<OnCallShift> unrestricted(Case c, ScheduleLayer layer) {
        var alone = new ScheduleLayer(
                layer.name(), layer.priority(), layer.members(), layer.start(), layer.length(), List.of());
        var def = new ScheduleDefinition("ops", "team", c.zone(), List.of(alone), List.of());
        return ScheduleRenderer.render(def, c.from(), c.to()).layers().get(layer.name());
    }

    /**
     * The latest k whose wall-clock handoff {@code start + k*hours} lands on {@code instant}, or -1.
     * Searched near the wall-clock estimate, with the zone's own rules.
     */
    private static long handoffIndex(ScheduleLayer layer, ZoneId zone, Instant instant) {
        long minutes = ChronoUnit.MINUTES.between(layer.start(), LocalDateTime.ofInstant(instant, zone));
        long estimate = Math.floorDiv(minutes, layer.length().hours() * 60L);
        for (long k = estimate + 2; k >= Math.max(0, estimate - 2); k--) {
            var wall = layer.start().plusHours(k * layer.length().hours());
            var rules = zone.getRules();
            var offsets = rules.getValidOffsets(wall);
            Instant handoff = offsets.isEmpty()
                    ? wall.plus(rules.getTransition(wall).getDuration())
                            .toInstant(rules.getTransition(wall).getOffsetAfter())
                    : wall.toInstant(offsets.getFirst());
            if (handoff.equals(instant)) {
                return k;
            }
        }
        return -1;
    }

    /** For each 15-minute step of the year: inside a window of the layer's restrictions? */
    private static boolean[] windowGrid(Case c, ScheduleLayer layer) {
        long step = Duration.ofMinutes(15).toSeconds();
        var grid = new boolean[(int) (Duration.between(c.from(), c.to()).toSeconds() / step)];
        for (var r : layer.restrictions()) {
            for (LocalDate d = YEAR_START.toLocalDate().minusDays(1);
                    d.isBefore(YEAR_START.toLocalDate().plusYears(1));
                    d = d.plusDays(1)) {
                if (!r.days().contains(d.getDayOfWeek())) {
                    continue;
                }
                LocalDate endDay = r.to().isAfter(r.from()) ? d : d.plusDays(1);
                long open = Duration.between(c.from(), ZonedDateTime.ofLocal(d.atTime(r.from()), c.zone(), null))
                        .toSeconds();
                long close = Duration.between(c.from(), ZonedDateTime.ofLocal(endDay.atTime(r.to()), c.zone(), null))
                        .toSeconds();
                for (long i = Math.max(0, Math.ceilDiv(open, step)); i * step < close && i < grid.length; i++) {
                    grid[(int) i] = true;
                }
            }
        }
        return grid;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<OnCallShift> cutAt(List<OnCallShift> shifts, List<Instant> seams) {
        List<OnCallShift> out = new ArrayList<>();
        for (var s : shifts) {
            Instant start = s.start();
            for (Instant seam : seams) {
                if (seam.isAfter(start) && seam.isBefore(s.end())) {
                    out.add(new OnCallShift(s.schedule(), s.username(), start, seam, s.source()));
                    start = seam;
                }
            }
            out.add(new OnCallShift(s.schedule(), s.username(), start, s.end(), s.source()));
        }
        return out;
    }

    private static List<OnCallShift> joinAt(List<OnCallShift> shifts, List<Instant> seams) {
        List<OnCallShift> out = new ArrayList<>();
        for (var s : shifts) {
            if (!out.isEmpty()) {
                var last = out.getLast();
                if (last.end().equals(s.start())
                        && seams.contains(s.start())
                        && last.username().equals(s.username())
                        && last.source().equals(s.source())) {
                    out.set(
                            out.size() - 1,
                            new OnCallShift(last.schedule(), last.username(), last.start(), s.end(), last.source()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }
}
