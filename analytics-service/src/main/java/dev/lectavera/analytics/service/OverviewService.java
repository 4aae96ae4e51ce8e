package dev.lectavera.analytics.service;

import dev.lectavera.analytics.config.AnalyticsConfig;
import dev.lectavera.analytics.repository.OverviewQueries;
import dev.lectavera.analytics.repository.OverviewQueries.Totals;
import dev.lectavera.analytics.service.StreakCalculator.Streaks;
import dev.lectavera.kit.jdbc.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

@ApplicationScoped
public class OverviewService {

    private final Database database;
    private final OverviewQueries queries;
    private final TimeZones timeZones;
    private final AnalyticsConfig config;
    private final Clock clock;
    private final ReviewStatisticsService reviews;

    OverviewService(Database database, OverviewQueries queries, TimeZones timeZones, AnalyticsConfig config,
                    Clock clock, ReviewStatisticsService reviews) {
        this.database = database;
        this.queries = queries;
        this.timeZones = timeZones;
        this.config = config;
        this.clock = clock;
        this.reviews = reviews;
    }

    public Overview overview(UUID userId, String tz) {
        ZoneId zone = timeZones.resolve(tz);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return database.withConnection(c -> {
            Totals totals = queries.totals(c, userId, config.chatSessionCap());
            Streaks streaks = StreakCalculator.compute(queries.activeDays(c, userId, zone.getId()), today);
            return new Overview(totals.documentsIndexed(), totals.pagesIndexed(), totals.chatSessions(),
                    totals.chatMessages(), totals.questionsAsked(), totals.quizzesTaken(),
                    Figures.percent(totals.averageScorePercent()), Figures.percent(totals.bestScorePercent()),
                    Figures.wholeMinutes(totals.chatSeconds() + totals.quizSeconds()), streaks.current(),
                    streaks.longest(), zone.getId(), today, reviews.statistics(c, userId, zone).summary());
        });
    }
}
