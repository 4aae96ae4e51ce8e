package dev.lectavera.quiz.review.repository;

import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.quiz.review.model.ReviewSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** A user's review settings; a user who never saved any has the defaults. */
@ApplicationScoped
public class ReviewSettingsRepository {

    private final Database database;

    ReviewSettingsRepository(Database database) {
        this.database = database;
    }

    public Optional<ReviewSettings> find(UUID userId) {
        return database.queryFirst("""
                SELECT desired_retention, new_per_day, reviews_per_day, time_zone FROM review_settings
                WHERE user_id = ?""", row -> new ReviewSettings(row.getDouble("desired_retention"),
                row.getInt("new_per_day"), row.getInt("reviews_per_day"), ZoneId.of(row.getString("time_zone"))),
                userId);
    }

    public void save(UUID userId, ReviewSettings settings, Instant at) {
        database.update("""
                INSERT INTO review_settings (user_id, desired_retention, new_per_day, reviews_per_day, time_zone,
                                             updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET desired_retention = excluded.desired_retention,
                    new_per_day = excluded.new_per_day, reviews_per_day = excluded.reviews_per_day,
                    time_zone = excluded.time_zone, updated_at = excluded.updated_at""",
                userId, settings.desiredRetention(), settings.newPerDay(), settings.reviewsPerDay(),
                settings.timeZone().getId(), at);
    }

    public int deleteByUser(UUID userId) {
        return database.update("DELETE FROM review_settings WHERE user_id = ?", userId);
    }
}
