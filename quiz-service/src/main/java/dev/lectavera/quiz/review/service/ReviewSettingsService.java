package dev.lectavera.quiz.review.service;

import dev.lectavera.quiz.repository.UserRepository;
import dev.lectavera.quiz.review.model.ReviewSettings;
import dev.lectavera.quiz.review.repository.ReviewSettingsRepository;
import dev.lectavera.quiz.service.QuizProblems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;

/** A user's review settings: the defaults until they save their own. */
@ApplicationScoped
public class ReviewSettingsService {

    private final ReviewSettingsRepository settings;
    private final UserRepository users;
    private final Clock clock;

    ReviewSettingsService(ReviewSettingsRepository settings, UserRepository users, Clock clock) {
        this.settings = settings;
        this.users = users;
        this.clock = clock;
    }

    public ReviewSettings get(UUID userId) {
        return settings.find(userId).orElseGet(ReviewSettings::defaults);
    }

    /** The given values replace the stored ones; a null keeps what was there. */
    public ReviewSettings update(UUID userId, Double desiredRetention, Integer newPerDay, Integer reviewsPerDay,
                                 String timeZone) {
        ZoneId zone = null;
        if (timeZone != null) {
            try {
                zone = ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                throw QuizProblems.badField("timeZone", "timeZone " + timeZone + " is not a time zone (e.g."
                        + " Europe/Berlin or UTC)");
            }
        }
        ZoneId newZone = zone;
        return QuarkusTransaction.requiringNew().call(() -> {
            users.lock(userId, false);
            if (users.isDeleted(userId)) {
                throw QuizProblems.accountDeleted();
            }
            ReviewSettings current = get(userId);
            ReviewSettings updated = new ReviewSettings(
                    desiredRetention == null ? current.desiredRetention() : desiredRetention,
                    newPerDay == null ? current.newPerDay() : newPerDay,
                    reviewsPerDay == null ? current.reviewsPerDay() : reviewsPerDay,
                    newZone == null ? current.timeZone() : newZone);
            settings.save(userId, updated, clock.instant());
            return updated;
        });
    }
}
