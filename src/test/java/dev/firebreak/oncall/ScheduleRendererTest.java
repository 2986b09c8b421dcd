package dev.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Examples of the renderer: rotations, restrictions, stacking, overrides and DST days. */
class ScheduleRendererTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
    static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final EnumSet<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    @Test
    void dailyRotation_handsOffAtTheSameTimeEachDay_inMemberOrder() {
        var def = schedule(BERLIN, layer("primary", 0, "2026-01-05T09:00", RotationLength.daily(), "a", "b", "c"));

        var rendered = render(def, BERLIN, "2026-01-05T09:00", "2026-01-09T09:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), OnCallShift::length)
                .containsExactly(
                        tuple("a", "2026-01-05T09:00", 24),
                        tuple("b", "2026-01-06T09:00", 24),
                        tuple("c", "2026-01-07T09:00", 24),
                        tuple("a", "2026-01-08T09:00", 24));
        assertThat(rendered.finalShifts())
                .allMatch(s -> s.source().equals("primary") && s.schedule().equals("ops"));
    }

    @Test
    void weeklyRotation_handsOffOnTheStartsWeekdayAndTime() {
        var def = schedule(BERLIN, layer("primary", 0, "2026-01-05T10:00", RotationLength.weekly(), "a", "b"));

        var rendered = render(def, BERLIN, "2026-01-05T10:00", "2026-02-02T10:00");

        assertThat(rendered.layers().get("primary"))
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN))
                .containsExactly(
                        Tuple.tuple("a", "2026-01-05T10:00"),
                        Tuple.tuple("b", "2026-01-12T10:00"),
                        Tuple.tuple("a", "2026-01-19T10:00"),
                        Tuple.tuple("b", "2026-01-26T10:00"));
    }

    @Test
    void twelveHourRotation_followTheSun() {
        var def = schedule(BERLIN, layer("primary", 0, "2026-01-05T08:00", RotationLength.hours(12), "emea", "amer"));

        var rendered = render(def, BERLIN, "2026-01-05T08:00", "2026-01-06T20:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), OnCallShift::length)
                .containsExactly(
                        tuple("emea", "2026-01-05T08:00", 12),
                        tuple("amer", "2026-01-05T20:00", 12),
                        tuple("emea", "2026-01-06T08:00", 12));
    }

    @Test
    void singleMemberRotation_isOneFinalShift_butEveryHandoffInItsLayer() {
        var def = schedule(BERLIN, layer("primary", 0, "2026-01-05T09:00", RotationLength.daily(), "a"));

        var rendered = render(def, BERLIN, "2026-01-05T09:00", "2026-01-08T09:00");

        assertThat(rendered.finalShifts()).singleElement().satisfies(s -> assertThat(s.length())
                .isEqualTo(Duration.ofHours(72)));
        assertThat(rendered.layers().get("primary")).hasSize(3);
    }

    @Test
    void weekdayBusinessHours_restrictionLeavesNightsAndWeekendsEmpty() {
        var def = schedule(
                BERLIN,
                layer(
                        "business",
                        0,
                        "2026-01-05T09:00",
                        RotationLength.daily(),
                        List.of(new Restriction(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                        "a",
                        "b"));

        var rendered = render(def, BERLIN, "2026-01-05T00:00", "2026-01-12T00:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), OnCallShift::length)
                .containsExactly(
                        tuple("a", "2026-01-05T09:00", 8),
                        tuple("b", "2026-01-06T09:00", 8),
                        tuple("a", "2026-01-07T09:00", 8),
                        tuple("b", "2026-01-08T09:00", 8),
                        tuple("a", "2026-01-09T09:00", 8));
    }

    @Test
    void nightsRestriction_runsFromEachEveningToTheNextMorning() {
        var def = schedule(
                BERLIN,
                layer(
                        "nights",
                        0,
                        "2026-01-05T09:00",
                        RotationLength.daily(),
                        List.of(new Restriction(EVERY_DAY, LocalTime.of(22, 0), LocalTime.of(6, 0))),
                        "a",
                        "b"));

        var rendered = render(def, BERLIN, "2026-01-05T00:00", "2026-01-07T00:00");

        // Monday 00:00-06:00 belongs to Sunday night, before the layer started: nobody.
        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), OnCallShift::length)
                .containsExactly(tuple("a", "2026-01-05T22:00", 8), tuple("b", "2026-01-06T22:00", 2));
    }

    @Test
    void shiftSpanningTwoWindows_splitsIntoTwoPieces() {
        var def = schedule(
                BERLIN,
                layer(
                        "split",
                        0,
                        "2026-01-05T00:00",
                        RotationLength.daily(),
                        List.of(
                                new Restriction(EVERY_DAY, LocalTime.of(8, 0), LocalTime.of(10, 0)),
                                new Restriction(EVERY_DAY, LocalTime.of(16, 0), LocalTime.of(18, 0))),
                        "a",
                        "b"));

        var rendered = render(def, BERLIN, "2026-01-05T00:00", "2026-01-06T00:00");

        assertThat(rendered.layers().get("split"))
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), OnCallShift::length)
                .containsExactly(tuple("a", "2026-01-05T08:00", 2), tuple("a", "2026-01-05T16:00", 2));
    }

    @Test
    void allDayRestriction_onWeekends_coversTheWholeWallClockDay() {
        var def = schedule(
                BERLIN,
                layer(
                        "weekend",
                        0,
                        "2026-01-05T00:00",
                        RotationLength.weekly(),
                        List.of(new Restriction(
                                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                                LocalTime.MIDNIGHT,
                                LocalTime.MIDNIGHT)),
                        "a"));

        var rendered = render(def, BERLIN, "2026-01-05T00:00", "2026-01-12T00:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), OnCallShift::length)
                .containsExactly(tuple("a", "2026-01-10T00:00", 48));
    }

    @Test
    void restrictedHigherLayer_winsInsideItsWindows_andTheBaseShowsThroughOutside() {
        var def = schedule(
                BERLIN,
                layer("base", 0, "2026-01-05T00:00", RotationLength.weekly(), "a"),
                layer(
                        "business",
                        10,
                        "2026-01-05T09:00",
                        RotationLength.daily(),
                        List.of(new Restriction(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                        "x",
                        "y"));

        var rendered = render(def, BERLIN, "2026-01-05T00:00", "2026-01-07T00:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), OnCallShift::source)
                .containsExactly(
                        Tuple.tuple("a", "2026-01-05T00:00", "base"),
                        Tuple.tuple("x", "2026-01-05T09:00", "business"),
                        Tuple.tuple("a", "2026-01-05T17:00", "base"),
                        Tuple.tuple("y", "2026-01-06T09:00", "business"),
                        Tuple.tuple("a", "2026-01-06T17:00", "base"));
        assertThat(rendered.layers().keySet()).containsExactly("business", "base");
        assertThat(rendered.layers().get("base")).hasSize(1);
    }

    @Test
    void layersOfEqualPriority_keepTheirOrderInTheDefinition() {
        var def = schedule(
                BERLIN,
                layer("first", 1, "2026-01-05T00:00", RotationLength.daily(), "a"),
                layer("second", 1, "2026-01-05T00:00", RotationLength.daily(), "b"),
                layer("low", 0, "2026-01-05T00:00", RotationLength.daily(), "c"));

        var rendered = render(def, BERLIN, "2026-01-05T00:00", "2026-01-06T00:00");

        assertThat(rendered.layers().keySet()).containsExactly("first", "second", "low");
        assertThat(rendered.finalShifts()).singleElement().satisfies(s -> assertThat(s.username())
                .isEqualTo("a"));
    }

    @Test
    void whereNoLayerHasAnybody_thereIsNoShift() {
        var def = schedule(
                BERLIN,
                layer(
                        "business",
                        0,
                        "2026-01-05T09:00",
                        RotationLength.daily(),
                        List.of(new Restriction(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                        "a"));

        assertThat(ScheduleRenderer.at(def, instant(BERLIN, "2026-01-05T20:00")))
                .isEmpty();
        assertThat(ScheduleRenderer.at(def, instant(BERLIN, "2026-01-05T12:00")))
                .hasValueSatisfying(s -> assertThat(s.username()).isEqualTo("a"));
    }

    @Test
    void overrideWithoutReplaces_takesOverWhoeverIsOnCall_andFillsGaps() {
        var def = schedule(
                BERLIN,
                List.of(layer(
                        "business",
                        0,
                        "2026-01-05T09:00",
                        RotationLength.daily(),
                        List.of(new Restriction(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                        "a")),
                override("z", null, "2026-01-05T15:00", "2026-01-05T22:00"));

        var rendered = render(def, BERLIN, "2026-01-05T00:00", "2026-01-06T00:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), OnCallShift::length)
                .containsExactly(tuple("a", "2026-01-05T09:00", 6), tuple("z", "2026-01-05T15:00", 7));
        assertThat(rendered.finalShifts().get(1).source()).isEqualTo(ScheduleRenderer.OVERRIDE);
        // Overrides change the final timeline only; the layer keeps its own shift.
        assertThat(rendered.layers().get("business")).singleElement().satisfies(s -> assertThat(s.length())
                .isEqualTo(Duration.ofHours(8)));
    }

    @Test
    void coverMe_overrideReplacingAUser_takesOnlyThatUsersPart() {
        var def = schedule(
                BERLIN,
                List.of(layer("primary", 0, "2026-01-05T16:00", RotationLength.daily(), "a", "b")),
                override("z", "a", "2026-01-06T14:00", "2026-01-06T18:00"));

        var rendered = render(def, BERLIN, "2026-01-06T00:00", "2026-01-07T00:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), OnCallShift::source)
                .containsExactly(
                        Tuple.tuple("a", "2026-01-06T00:00", "primary"),
                        Tuple.tuple("z", "2026-01-06T14:00", "override"),
                        Tuple.tuple("b", "2026-01-06T16:00", "primary"));
    }

    @Test
    void overrideReplacingSomebodyNotOnCall_changesNothing() {
        var def = schedule(
                BERLIN,
                List.of(layer("primary", 0, "2026-01-05T00:00", RotationLength.daily(), "a")),
                override("z", "nobody", "2026-01-05T14:00", "2026-01-05T18:00"));

        assertThat(render(def, BERLIN, "2026-01-05T00:00", "2026-01-06T00:00").finalShifts())
                .singleElement()
                .satisfies(s -> assertThat(s.username()).isEqualTo("a"));
    }

    @Test
    void swap_twoOverridesOverTheSameSpan_exchangeTheShifts() {
        var def = schedule(
                BERLIN,
                List.of(layer("primary", 0, "2026-01-05T09:00", RotationLength.daily(), "a", "b")),
                override("b", "a", "2026-01-05T09:00", "2026-01-07T09:00"),
                override("a", "b", "2026-01-05T09:00", "2026-01-07T09:00"));

        var rendered = render(def, BERLIN, "2026-01-05T09:00", "2026-01-08T09:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), OnCallShift::source)
                .containsExactly(
                        Tuple.tuple("b", "2026-01-05T09:00", "override"),
                        Tuple.tuple("a", "2026-01-06T09:00", "override"),
                        Tuple.tuple("a", "2026-01-07T09:00", "primary"));
    }

    @Test
    void overlappingOverrides_theLaterOneWins() {
        var def = schedule(
                BERLIN,
                List.of(layer("primary", 0, "2026-01-05T00:00", RotationLength.daily(), "a")),
                override("y", null, "2026-01-05T10:00", "2026-01-05T14:00"),
                override("z", null, "2026-01-05T12:00", "2026-01-05T16:00"));

        assertThat(render(def, BERLIN, "2026-01-05T00:00", "2026-01-06T00:00").finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN))
                .containsExactly(
                        Tuple.tuple("a", "2026-01-05T00:00"),
                        Tuple.tuple("y", "2026-01-05T10:00"),
                        Tuple.tuple("z", "2026-01-05T12:00"),
                        Tuple.tuple("a", "2026-01-05T16:00"));
    }

    @Test
    void shiftsAndOverrides_areClippedToTheWindow() {
        var def = schedule(
                BERLIN,
                List.of(layer("primary", 0, "2026-01-05T09:00", RotationLength.daily(), "a", "b")),
                override("z", null, "2026-01-01T00:00", "2026-01-05T12:00"));

        var rendered = render(def, BERLIN, "2026-01-05T10:00", "2026-01-06T11:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN), s -> local(s.end(), BERLIN))
                .containsExactly(
                        Tuple.tuple("z", "2026-01-05T10:00", "2026-01-05T12:00"),
                        Tuple.tuple("a", "2026-01-05T12:00", "2026-01-06T09:00"),
                        Tuple.tuple("b", "2026-01-06T09:00", "2026-01-06T11:00"));
        assertThat(rendered.layers().get("primary").getFirst().start()).isEqualTo(instant(BERLIN, "2026-01-05T10:00"));
    }

    @Test
    void layerStartingInTheFuture_hasNobodyBeforeItsStart_soTheLayerBelowShowsThrough() {
        var def = schedule(
                BERLIN,
                layer("old", 0, "2025-01-06T09:00", RotationLength.weekly(), "a"),
                layer("new", 5, "2026-01-07T09:00", RotationLength.daily(), "n"));

        var rendered = render(def, BERLIN, "2026-01-05T00:00", "2026-01-09T00:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), BERLIN))
                .containsExactly(Tuple.tuple("a", "2026-01-05T00:00"), Tuple.tuple("n", "2026-01-07T09:00"));
        assertThat(render(def, BERLIN, "2025-01-01T00:00", "2025-01-06T09:00").finalShifts())
                .isEmpty();
    }

    @Test
    void rotationStartedYearsAgo_picksTheRightMemberWithoutWalkingEveryHandoff() {
        var def = schedule(
                ZoneOffset.UTC, layer("hourly", 0, "2016-01-01T00:00", RotationLength.hours(1), "a", "b", "c"));

        // 3653 days of 24 handoffs each is 87672 handoffs, a multiple of 3.
        var rendered = render(def, ZoneOffset.UTC, "2026-01-01T00:30", "2026-01-01T03:00");

        assertThat(rendered.finalShifts())
                .extracting(OnCallShift::username, s -> local(s.start(), ZoneOffset.UTC))
                .containsExactly(
                        Tuple.tuple("a", "2026-01-01T00:30"),
                        Tuple.tuple("b", "2026-01-01T01:00"),
                        Tuple.tuple("c", "2026-01-01T02:00"));
    }

    // Grafana OnCall #3261, #5455; OneUptime #1890: shifts moved or shortened by an hour at DST.
    @Test
    void aOneHourGapOrOverlapAtDst_neverHappens_berlinSpringDayIs23Hours() {
        assertDailyShiftAcross(BERLIN, "2026-03-28T09:00", Duration.ofHours(23));
    }

    @Test
    void aOneHourGapOrOverlapAtDst_neverHappens_berlinAutumnDayIs25Hours() {
        assertDailyShiftAcross(BERLIN, "2026-10-24T09:00", Duration.ofHours(25));
    }

    @Test
    void aOneHourGapOrOverlapAtDst_neverHappens_newYorkSpringAndAutumn() {
        assertDailyShiftAcross(NEW_YORK, "2026-03-07T09:00", Duration.ofHours(23));
        assertDailyShiftAcross(NEW_YORK, "2026-10-31T09:00", Duration.ofHours(25));
    }

    @Test
    void kolkataHasNoDst_everyDailyShiftIs24Hours() {
        var def = schedule(KOLKATA, layer("primary", 0, "2026-01-01T09:00", RotationLength.daily(), "a", "b"));

        var shifts =
                render(def, KOLKATA, "2026-01-01T09:00", "2027-01-01T09:00").finalShifts();

        assertThat(shifts).hasSize(365).allMatch(s -> s.length().equals(Duration.ofHours(24)));
    }

    @Test
    void lordHowesHalfHourDst_givesShiftsOf24AndAHalfAnd23AndAHalfHours() {
        assertDailyShiftAcross(LORD_HOWE, "2026-04-04T09:00", Duration.ofMinutes(24 * 60 + 30));
        assertDailyShiftAcross(LORD_HOWE, "2026-10-03T09:00", Duration.ofMinutes(23 * 60 + 30));
    }

    @Test
    void handoffAtAWallTimeThatDoesNotExist_movesForwardByTheGap_andReturnsTheNextDay() {
        var def = schedule(BERLIN, layer("primary", 0, "2026-03-27T02:30", RotationLength.daily(), "a", "b"));

        var shifts = render(def, BERLIN, "2026-03-28T02:30", "2026-03-31T02:30").finalShifts();

        assertThat(shifts)
                .extracting(s -> local(s.start(), BERLIN), OnCallShift::length)
                .containsExactly(
                        tuple("2026-03-28T02:30", 24), tuple("2026-03-29T03:30", 23), tuple("2026-03-30T02:30", 24));
    }

    @Test
    void handoffAtAnAmbiguousWallTime_takesTheEarlierOffset() {
        var def = schedule(BERLIN, layer("primary", 0, "2026-10-24T02:30", RotationLength.daily(), "a", "b"));

        var shifts = render(def, BERLIN, "2026-10-24T02:30", "2026-10-26T02:30").finalShifts();

        assertThat(shifts.get(1).start()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(shifts).extracting(OnCallShift::length).containsExactly(hours(24), hours(25));
    }

    @Test
    void nightsRestriction_overDstTransitions_isSevenOrNineHoursLong() {
        var def = schedule(
                BERLIN,
                layer(
                        "nights",
                        0,
                        "2026-01-05T09:00",
                        RotationLength.daily(),
                        List.of(new Restriction(EVERY_DAY, LocalTime.of(22, 0), LocalTime.of(6, 0))),
                        "a"));

        assertThat(render(def, BERLIN, "2026-03-28T12:00", "2026-03-29T12:00").finalShifts())
                .singleElement()
                .satisfies(s -> {
                    assertThat(local(s.start(), BERLIN)).isEqualTo("2026-03-28T22:00");
                    assertThat(local(s.end(), BERLIN)).isEqualTo("2026-03-29T06:00");
                    assertThat(s.length()).isEqualTo(hours(7));
                });
        assertThat(render(def, BERLIN, "2026-10-24T12:00", "2026-10-25T12:00").finalShifts())
                .singleElement()
                .satisfies(s -> assertThat(s.length()).isEqualTo(hours(9)));
    }

    @Test
    void atAnInstant_returnsTheCoveringFinalShift() {
        var def = schedule(
                BERLIN,
                List.of(layer("primary", 0, "2026-01-05T09:00", RotationLength.daily(), "a", "b")),
                override("z", null, "2026-01-06T12:00", "2026-01-06T13:00"));

        assertThat(ScheduleRenderer.at(def, instant(BERLIN, "2026-01-06T08:59")))
                .hasValueSatisfying(s -> {
                    assertThat(s.username()).isEqualTo("a");
                    assertThat(s.end()).isEqualTo(instant(BERLIN, "2026-01-06T09:00"));
                });
        assertThat(ScheduleRenderer.at(def, instant(BERLIN, "2026-01-06T12:30")))
                .hasValueSatisfying(s -> assertThat(s.source()).isEqualTo(ScheduleRenderer.OVERRIDE));
        assertThat(ScheduleRenderer.at(def, instant(BERLIN, "2026-01-05T08:00")))
                .isEmpty();
    }

    @Test
    void badWindowsAndRotations_areRefused() {
        var def = schedule(BERLIN, layer("primary", 0, "2026-01-05T09:00", RotationLength.hours(0), "a"));
        var from = instant(BERLIN, "2026-01-05T09:00");

        assertThatThrownBy(() -> ScheduleRenderer.render(def, from, from.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before it starts");
        assertThatThrownBy(() -> ScheduleRenderer.render(def, from, from.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least an hour");
    }

    @Test
    void emptyScheduleOrEmptyWindow_rendersNoShifts() {
        var empty = new ScheduleDefinition("ops", "team", BERLIN, List.of(), List.of());
        var from = instant(BERLIN, "2026-01-05T09:00");

        assertThat(ScheduleRenderer.render(empty, from, from.plusSeconds(3600)).finalShifts())
                .isEmpty();
        var noMembers = schedule(BERLIN, layer("primary", 0, "2026-01-05T09:00", RotationLength.daily()));
        assertThat(ScheduleRenderer.render(noMembers, from, from.plusSeconds(3600))
                        .layers()
                        .get("primary"))
                .isEmpty();
        var def = schedule(BERLIN, layer("primary", 0, "2026-01-05T09:00", RotationLength.daily(), "a"));
        assertThat(ScheduleRenderer.render(def, from, from).finalShifts()).isEmpty();
    }

    /** The daily shift starting at {@code start} (09:00, the rotation's handoff) is {@code length} long. */
    private static void assertDailyShiftAcross(ZoneId zone, String start, Duration length) {
        var def = schedule(zone, layer("primary", 0, "2026-01-01T09:00", RotationLength.daily(), "a", "b"));
        var from = instant(zone, start);

        var shifts = ScheduleRenderer.render(def, from.minus(Duration.ofDays(1)), from.plus(Duration.ofDays(2)))
                .finalShifts();

        assertThat(shifts)
                .extracting(s -> ZonedDateTime.ofInstant(s.start(), zone).toLocalTime())
                .containsOnly(LocalTime.of(9, 0));
        assertThat(shifts)
                .filteredOn(s -> s.start().equals(from))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.length()).isEqualTo(length);
                    assertThat(ZonedDateTime.ofInstant(s.end(), zone).toLocalTime())
                            .isEqualTo(LocalTime.of(9, 0));
                });
    }

    static ScheduleDefinition schedule(ZoneId zone, ScheduleLayer... layers) {
        return new ScheduleDefinition("ops", "team", zone, List.of(layers), List.of());
    }

    static ScheduleDefinition schedule(ZoneId zone, List<ScheduleLayer> layers, ScheduleOverride... overrides) {
        return new ScheduleDefinition("ops", "team", zone, layers, Arrays.asList(overrides));
    }

    static ScheduleLayer layer(String name, int priority, String start, RotationLength length, String... members) {
        return layer(name, priority, start, length, List.of(), members);
    }

    static ScheduleLayer layer(
            String name,
            int priority,
            String start,
            RotationLength length,
            List<Restriction> restrictions,
            String... members) {
        return new ScheduleLayer(name, priority, List.of(members), LocalDateTime.parse(start), length, restrictions);
    }

    private static ScheduleOverride override(String username, String replaces, String start, String end) {
        return new ScheduleOverride(0, username, replaces, instant(BERLIN, start), instant(BERLIN, end));
    }

    private static RenderedSchedule render(ScheduleDefinition def, ZoneId zone, String from, String to) {
        return ScheduleRenderer.render(def, instant(zone, from), instant(zone, to));
    }

    static Instant instant(ZoneId zone, String local) {
        return ZonedDateTime.ofLocal(LocalDateTime.parse(local), zone, null).toInstant();
    }

    static String local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).toString();
    }

    private static Duration hours(int hours) {
        return Duration.ofHours(hours);
    }

    private static Tuple tuple(String user, String start, int hours) {
        return Tuple.tuple(user, start, Duration.ofHours(hours));
    }

    private static Tuple tuple(String start, int hours) {
        return Tuple.tuple(start, Duration.ofHours(hours));
    }
}
