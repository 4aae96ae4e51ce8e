package dev.lectavera.analytics.service;

import dev.lectavera.analytics.repository.ActivityQueries.DayActivity;
import dev.lectavera.analytics.service.ActivitySeries.ActivityPoint;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActivitySeriesBuilderTest {

    private static LocalDate day(int dayOfMonth) {
        return LocalDate.of(2024, 5, dayOfMonth);   // 2024-05-06 is a Monday
    }

    @Test
    void everyDayOfTheRangeIsPresentZerosIncluded() {
        List<ActivityPoint> series = ActivitySeriesBuilder.build(day(6), day(9), Granularity.DAY,
                List.of(new DayActivity(day(7), 3, 1, 150)));
        assertEquals(List.of(
                new ActivityPoint(day(6), 0, 0, 0),
                new ActivityPoint(day(7), 3, 1, 2),
                new ActivityPoint(day(8), 0, 0, 0),
                new ActivityPoint(day(9), 0, 0, 0)), series);
    }

    @Test
    void weeksAreMondayAlignedAndSumSecondsBeforeRoundingDown() {
        // Sunday 5th .. Tuesday 14th: weeks of 29 Apr, 6 May, 13 May.
        List<DayActivity> days = List.of(
                new DayActivity(day(5), 1, 0, 0),
                new DayActivity(day(6), 2, 0, 90),
                new DayActivity(day(12), 0, 1, 90),   // 90 + 90 s = 3 min in the week, 1 + 1 by day
                new DayActivity(day(14), 4, 0, 59));
        assertEquals(List.of(
                new ActivityPoint(LocalDate.of(2024, 4, 29), 1, 0, 0),
                new ActivityPoint(day(6), 2, 1, 3),
                new ActivityPoint(day(13), 4, 0, 0)),
                ActivitySeriesBuilder.build(day(5), day(14), Granularity.WEEK, days));
    }

    @Test
    void daysOutsideTheRangeAreIgnored() {
        List<DayActivity> days = List.of(new DayActivity(day(6), 5, 5, 600), new DayActivity(day(8), 1, 0, 0));
        assertEquals(List.of(new ActivityPoint(day(6), 1, 0, 0)),
                ActivitySeriesBuilder.build(day(8), day(8), Granularity.WEEK, days));
    }

    @Test
    void aSingleDayRange() {
        assertEquals(List.of(new ActivityPoint(day(6), 0, 0, 0)),
                ActivitySeriesBuilder.build(day(6), day(6), Granularity.DAY, List.of()));
    }
}
