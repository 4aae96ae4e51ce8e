package dev.lectavera.quiz.review.service;

import dev.lectavera.quiz.review.model.ReviewSettings;
import dev.lectavera.quiz.review.repository.CardRepository;
import dev.lectavera.quiz.review.repository.ReviewLogRepository;
import dev.lectavera.quiz.review.repository.ReviewLogRepository.DayReviews;
import dev.lectavera.quiz.review.repository.ReviewLogRepository.Retention;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user's review statistics over the last {@value #DAYS} days of their time zone: reviews per day, true retention
 * beside the desired one, the due forecast for the next {@value #DAYS} days (cards overdue count on today), and cards
 * per state.
 */
@ApplicationScoped
public class ReviewStatsService {

    static final int DAYS = 30;

    private final CardRepository cards;
    private final ReviewLogRepository log;
    private final ReviewSettingsService settings;
    private final Clock clock;

    ReviewStatsService(CardRepository cards, ReviewLogRepository log, ReviewSettingsService settings, Clock clock) {
        this.cards = cards;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
    }

    public record DayCount(LocalDate day, int count) {
    }

    public record Stats(LocalDate today, List<DayReviews> reviewsPerDay, long retentionReviews, Double trueRetention,
                        double desiredRetention, List<DayCount> forecast, Map<String, Long> cardsByState) {
    }

    public Stats stats(UUID userId) {
        ReviewSettings current = settings.get(userId);
        Instant now = clock.instant();
        ReviewDay today = ReviewDay.of(now, current.timeZone());
        Instant since = today.date().minusDays(DAYS - 1).atStartOfDay(current.timeZone()).toInstant();
        Retention retention = log.trueRetention(userId, since);
        Instant horizon = today.date().plusDays(DAYS).atStartOfDay(current.timeZone()).toInstant();
        Map<LocalDate, Integer> byDay = new LinkedHashMap<>();
        for (int i = 0; i < DAYS; i++) {
            byDay.put(today.date().plusDays(i), 0);
        }
        for (Instant due : cards.dueTimes(userId, horizon)) {
            LocalDate day = due.isBefore(today.start()) ? today.date() : due.atZone(current.timeZone()).toLocalDate();
            byDay.computeIfPresent(day, (d, n) -> n + 1);
        }
        List<DayCount> forecast = new ArrayList<>();
        byDay.forEach((day, n) -> forecast.add(new DayCount(day, n)));
        return new Stats(today.date(), log.perDay(userId, since, current.timeZone()), retention.reviews(),
                retention.reviews() == 0 ? null : (double) retention.passed() / retention.reviews(),
                current.desiredRetention(), forecast, cards.countsByState(userId));
    }
}
