package dev.lectavera.quiz.review.repository;

import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.quiz.review.model.ReviewLogEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The review log: appended once per review, read for the day's counts and the statistics. */
@ApplicationScoped
public class ReviewLogRepository {

    private final Database database;

    ReviewLogRepository(Database database) {
        this.database = database;
    }

    /** Within the caller's transaction. */
    public void append(ReviewLogEntry entry) {
        database.update("""
                INSERT INTO review_log (card_id, user_id, rating, reviewed_at, elapsed_days, scheduled_days,
                                        state_before, state_after, stability_before, stability_after,
                                        difficulty_before, difficulty_after, retrievability, typed_answer,
                                        answer_correct)
                VALUES (?, ?, ?, ?, ?::integer, ?, ?, ?, ?::double precision, ?, ?::double precision, ?, ?, ?::text,
                        ?::boolean)""",
                entry.cardId(), entry.userId(), entry.rating().grade(), entry.reviewedAt(), entry.elapsedDays(),
                entry.scheduledDays(), entry.stateBefore().wire(), entry.stateAfter().wire(), entry.stabilityBefore(),
                entry.stabilityAfter(), entry.difficultyBefore(), entry.difficultyAfter(), entry.retrievability(),
                entry.typedAnswer(), entry.answerCorrect());
    }

    public record DayCounts(int newCards, int reviews) {
    }

    /** Since {@code since}: new cards seen for the first time, and reviews of cards already in schedule. */
    public DayCounts countsSince(UUID userId, Instant since) {
        return database.queryOne("""
                SELECT count(*) FILTER (WHERE state_before = 'new') AS new_cards,
                       count(*) FILTER (WHERE state_before <> 'new') AS reviews
                FROM review_log WHERE user_id = ? AND reviewed_at >= ?""",
                row -> new DayCounts(row.getInt("new_cards"), row.getInt("reviews")), userId, since);
    }

    public record DayReviews(LocalDate day, int reviews, int again) {
    }

    /** Reviews per day of the user's time zone since {@code since}. */
    public List<DayReviews> perDay(UUID userId, Instant since, ZoneId zone) {
        return database.query("""
                SELECT (reviewed_at AT TIME ZONE ?)::date AS day, count(*) AS reviews,
                       count(*) FILTER (WHERE rating = 1) AS again
                FROM review_log WHERE user_id = ? AND reviewed_at >= ? GROUP BY 1 ORDER BY 1""",
                row -> new DayReviews(row.getObject("day", LocalDate.class), row.getInt("reviews"),
                        row.getInt("again")), zone.getId(), userId, since);
    }

    public record Retention(long reviews, long passed) {
    }

    /**
     * True retention: of the reviews of cards on day intervals (state review before the review), the share not
     * rated Again. Learning steps are left out: they test minutes-old memories.
     */
    public Retention trueRetention(UUID userId, Instant since) {
        return database.queryOne("""
                SELECT count(*) AS reviews, count(*) FILTER (WHERE rating > 1) AS passed
                FROM review_log WHERE user_id = ? AND reviewed_at >= ? AND state_before = 'review'""",
                row -> new Retention(row.getLong("reviews"), row.getLong("passed")), userId, since);
    }
}
