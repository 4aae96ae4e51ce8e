package dev.lectavera.analytics.service;

import dev.lectavera.analytics.service.StreakCalculator.Streaks;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreakCalculatorTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    private static LocalDate daysAgo(int n) {
        return TODAY.minusDays(n);
    }

    @Test
    void noActivityNoStreak() {
        assertEquals(new Streaks(0, 0), StreakCalculator.compute(List.of(), TODAY));
    }

    @Test
    void todayAloneIsAOneDayStreak() {
        assertEquals(new Streaks(1, 1), StreakCalculator.compute(List.of(TODAY), TODAY));
    }

    @Test
    void aStreakEndingYesterdayIsStillCurrentBeforeTodayIsOver() {
        assertEquals(new Streaks(3, 3), StreakCalculator.compute(List.of(daysAgo(1), daysAgo(2), daysAgo(3)), TODAY));
    }

    @Test
    void aStreakEndingTheDayBeforeYesterdayIsBroken() {
        assertEquals(new Streaks(0, 2), StreakCalculator.compute(List.of(daysAgo(2), daysAgo(3)), TODAY));
    }

    @Test
    void theLongestRunCanBeInThePast() {
        List<LocalDate> days = List.of(daysAgo(20), daysAgo(19), daysAgo(18), daysAgo(17), daysAgo(16),
                daysAgo(10), TODAY, daysAgo(1));
        assertEquals(new Streaks(2, 5), StreakCalculator.compute(days, TODAY));
    }

    @Test
    void unsortedAndRepeatedDaysCountOnce() {
        List<LocalDate> days = List.of(TODAY, daysAgo(1), TODAY, daysAgo(2), daysAgo(1));
        assertEquals(new Streaks(3, 3), StreakCalculator.compute(days, TODAY));
    }

    @Test
    void runsAcrossMonthAndLeapDayBoundaries() {
        LocalDate today = LocalDate.of(2024, 3, 1);
        List<LocalDate> days = List.of(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29), today);
        assertEquals(new Streaks(3, 3), StreakCalculator.compute(days, today));
    }

    @Test
    void daysAfterTodayDoNotExtendTheCurrentStreak() {
        // an event stamped in the future (clock skew) is a day of its own, not part of today's streak
        List<LocalDate> days = List.of(daysAgo(1), TODAY, TODAY.plusDays(2));
        assertEquals(new Streaks(2, 2), StreakCalculator.compute(days, TODAY));
    }
}
