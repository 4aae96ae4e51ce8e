package dev.lectavera.analytics.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Daily streaks from the set of days with study activity.
 *
 * <ul>
 *   <li>longest: the most consecutive active days ever;</li>
 *   <li>current: the consecutive active days ending today, or ending yesterday when today has no
 *   activity yet (a streak is not lost before the day is over).</li>
 * </ul>
 */
public final class StreakCalculator {

    public record Streaks(int current, int longest) {
    }

    private StreakCalculator() {
    }

    public static Streaks compute(Collection<LocalDate> activeDays, LocalDate today) {
        TreeSet<LocalDate> days = new TreeSet<>(activeDays);
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        LocalDate end = days.contains(today) ? today : today.minusDays(1);
        int current = 0;
        for (LocalDate day = end; days.contains(day); day = day.minusDays(1)) {
            current++;
        }
        return new Streaks(current, longest);
    }
}
