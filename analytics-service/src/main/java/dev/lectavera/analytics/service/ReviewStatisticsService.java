package dev.lectavera.analytics.service;

import dev.lectavera.analytics.repository.ReviewQueries;
import dev.lectavera.analytics.repository.ReviewQueries.DayDue;
import dev.lectavera.analytics.repository.ReviewQueries.Retention;
import dev.lectavera.analytics.repository.ReviewQueries.Totals;
import dev.lectavera.kit.jdbc.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Review figures over the last and next {@value #DAYS} days of the user's time zone. */
@ApplicationScoped
public class ReviewStatisticsService {

    static final int DAYS = 30;
    private static final int TOPICS = 20;

    private final Database database;
    private final ReviewQueries queries;
    private final TimeZones timeZones;
    private final Clock clock;

    ReviewStatisticsService(Database database, ReviewQueries queries, TimeZones timeZones, Clock clock) {
        this.database = database;
        this.queries = queries;
        this.timeZones = timeZones;
        this.clock = clock;
    }

    public ReviewStatistics statistics(UUID userId, String tz) {
        ZoneId zone = timeZones.resolve(tz);
        return database.withConnection(c -> statistics(c, userId, zone));
    }

    ReviewStatistics statistics(Connection c, UUID userId, ZoneId zone) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant since = today.minusDays(DAYS - 1).atStartOfDay(zone).toInstant();
        Instant horizon = today.plusDays(DAYS).atStartOfDay(zone).toInstant();
        Totals totals = queries.totals(c, userId, now);
        Retention retention = queries.retention(c, userId, since);
        Map<LocalDate, Long> byDay = new LinkedHashMap<>();
        for (int i = 0; i < DAYS; i++) {
            byDay.put(today.plusDays(i), 0L);
        }
        for (DayDue due : queries.forecast(c, userId, horizon, today, zone.getId())) {
            byDay.computeIfPresent(due.day(), (day, n) -> n + due.due());
        }
        List<DayDue> forecast = new ArrayList<>();
        byDay.forEach((day, n) -> forecast.add(new DayDue(day, n)));
        return new ReviewStatistics(totals.reviews(), totals.cards(), totals.dueNow(),
                queries.perDay(c, userId, since, zone.getId()),
                retention.reviews() == 0 ? null : Figures.percent(100.0 * retention.passed() / retention.reviews()),
                retention.reviews(), forecast, queries.mastery(c, userId, now, TOPICS), zone.getId(), today);
    }
}
