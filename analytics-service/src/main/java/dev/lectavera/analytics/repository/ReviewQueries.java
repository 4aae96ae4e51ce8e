package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One user's review figures from review_fact and review_card_fact. */
@ApplicationScoped
public class ReviewQueries {

    public record DayReviews(LocalDate day, long reviews, long again) {
    }

    public record Retention(long reviews, long passed) {
    }

    public record DayDue(LocalDate day, long due) {
    }

    public record TopicMastery(String topic, long cards, double mastery) {
    }

    public record Totals(long reviews, long cards, long dueNow) {
    }

    /** Reviews per local day since {@code since}. */
    public List<DayReviews> perDay(Connection c, UUID userId, Instant since, String zone) {
        return Sql.query(c, """
                SELECT (reviewed_at AT TIME ZONE ?)::date AS day, count(*) AS reviews,
                       count(*) FILTER (WHERE rating = 'again') AS again
                FROM review_fact WHERE user_id = ? AND reviewed_at >= ? GROUP BY 1 ORDER BY 1""",
                row -> new DayReviews(row.getObject("day", LocalDate.class), row.getLong("reviews"),
                        row.getLong("again")), zone, userId, since);
    }

    /** Reviews of cards on day intervals (state review before) since {@code since}, and those not rated Again. */
    public Retention retention(Connection c, UUID userId, Instant since) {
        return Sql.queryOne(c, """
                SELECT count(*) AS reviews, count(*) FILTER (WHERE rating <> 'again') AS passed
                FROM review_fact WHERE user_id = ? AND reviewed_at >= ? AND state_before = 'review'""",
                row -> new Retention(row.getLong("reviews"), row.getLong("passed")), userId, since);
    }

    /** Cards in the queue due before {@code until}, per local day; overdue ones count on {@code today}. */
    public List<DayDue> forecast(Connection c, UUID userId, Instant until, LocalDate today, String zone) {
        return Sql.query(c, """
                SELECT GREATEST((due AT TIME ZONE ?)::date, ?::date) AS day, count(*) AS due
                FROM review_card_fact WHERE user_id = ? AND NOT suspended AND due < ? GROUP BY 1 ORDER BY 1""",
                row -> new DayDue(row.getObject("day", LocalDate.class), row.getLong("due")), zone, today, userId,
                until);
    }

    /**
     * Per topic, the cards' average retrievability at {@code now}: FSRS-6's forgetting curve
     * {@code (1 + F t / S)^-decay} with {@code F = 0.9^(-1/decay) - 1} and t in whole days, as quiz-service computes
     * it. Weakest first.
     */
    public List<TopicMastery> mastery(Connection c, UUID userId, Instant now, int limit) {
        return Sql.query(c, """
                SELECT topic, count(*) AS cards,
                       avg(power(1 + (power(0.9, -1 / decay) - 1)
                                 * GREATEST(floor(EXTRACT(EPOCH FROM (? - last_review)) / 86400), 0) / stability,
                                 -decay)) AS mastery
                FROM review_card_fact WHERE user_id = ? AND NOT suspended AND topic IS NOT NULL
                GROUP BY topic ORDER BY mastery, topic LIMIT ?""",
                row -> new TopicMastery(row.getString("topic"), row.getLong("cards"), row.getDouble("mastery")),
                now, userId, limit);
    }

    public Totals totals(Connection c, UUID userId, Instant now) {
        return Sql.queryOne(c, """
                SELECT (SELECT count(*) FROM review_fact WHERE user_id = ?) AS reviews,
                       count(*) FILTER (WHERE NOT suspended) AS cards,
                       count(*) FILTER (WHERE NOT suspended AND due <= ?) AS due_now
                FROM review_card_fact WHERE user_id = ?""",
                row -> new Totals(row.getLong("reviews"), row.getLong("cards"), row.getLong("due_now")),
                userId, now, userId);
    }
}
