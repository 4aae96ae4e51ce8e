package dev.lectavera.analytics.service;

import dev.lectavera.analytics.repository.ActivityQueries.DayActivity;
import dev.lectavera.analytics.service.ActivitySeries.ActivityPoint;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls per-day activity into a zero-filled series: one point per day of [from, to], or one per ISO
 * week (Monday start) touching [from, to]. A week point sums only the days inside [from, to], so its
 * periodStart may precede {@code from}. Minutes are whole minutes of the period's summed seconds,
 * rounded down.
 */
public final class ActivitySeriesBuilder {

    private ActivitySeriesBuilder() {
    }

    public static List<ActivityPoint> build(LocalDate from, LocalDate to, Granularity granularity,
                                            List<DayActivity> days) {
        Map<LocalDate, Totals> periods = new LinkedHashMap<>();
        for (LocalDate start = periodStart(from, granularity); !start.isAfter(to); start = next(start, granularity)) {
            periods.put(start, new Totals());
        }
        for (DayActivity day : days) {
            if (day.day().isBefore(from) || day.day().isAfter(to)) {
                continue;
            }
            Totals totals = periods.get(periodStart(day.day(), granularity));
            totals.questions += day.questionsAsked();
            totals.quizzes += day.quizzesTaken();
            totals.seconds += day.studySeconds();
        }
        List<ActivityPoint> series = new ArrayList<>(periods.size());
        periods.forEach((start, totals) -> series.add(new ActivityPoint(start, totals.questions, totals.quizzes,
                Figures.wholeMinutes(totals.seconds))));
        return series;
    }

    static LocalDate periodStart(LocalDate day, Granularity granularity) {
        return granularity == Granularity.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
    }

    private static LocalDate next(LocalDate start, Granularity granularity) {
        return granularity == Granularity.WEEK ? start.plusWeeks(1) : start.plusDays(1);
    }

    private static final class Totals {
        long questions;
        long quizzes;
        double seconds;
    }
}
