package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Per-day activity of one user within a range of local days. */
@ApplicationScoped
public class ActivityQueries {

    /** One local day with activity; days without any are simply absent. */
    public record DayActivity(LocalDate day, long questionsAsked, long quizzesTaken, double studySeconds) {
    }

    public List<DayActivity> daily(Connection c, UUID userId, TimeRange range, Duration chatSessionCap) {
        TimeRange.Condition answered = range.condition("answered_at");
        TimeRange.Condition completed = range.condition("completed_at");
        TimeRange.Condition started = range.condition("started_at");
        String zone = range.zone();
        List<Object> params = new ArrayList<>();
        params.add(zone);
        params.add(userId);
        params.addAll(answered.params());
        params.add(zone);
        params.add(userId);
        params.addAll(completed.params());
        params.add(zone);
        params.add(chatSessionCap.toSeconds());
        params.add(userId);
        params.addAll(started.params());
        String sql = """
                SELECT day, sum(questions) AS questions, sum(quizzes) AS quizzes, sum(seconds) AS seconds FROM (
                  SELECT (answered_at AT TIME ZONE ?)::date AS day, count(*) AS questions, 0 AS quizzes, 0 AS seconds
                  FROM query_fact WHERE user_id = ? %s GROUP BY 1
                  UNION ALL
                  SELECT (completed_at AT TIME ZONE ?)::date, 0, count(*), sum(duration_seconds)
                  FROM quiz_attempt_fact WHERE user_id = ? %s GROUP BY 1
                  UNION ALL
                  SELECT (started_at AT TIME ZONE ?)::date, 0, 0,
                         sum(LEAST(GREATEST(EXTRACT(EPOCH FROM ended_at - started_at), 0), ?))
                  FROM chat_session_fact WHERE user_id = ? %s GROUP BY 1) activity
                GROUP BY day ORDER BY day""".formatted(answered.sql(), completed.sql(), started.sql());
        return Sql.query(c, sql,
                row -> new DayActivity(row.getObject("day", LocalDate.class), row.getLong("questions"),
                        row.getLong("quizzes"), row.getDouble("seconds")),
                params.toArray());
    }
}
