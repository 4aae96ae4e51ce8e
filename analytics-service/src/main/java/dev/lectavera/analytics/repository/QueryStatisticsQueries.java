package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The query log of one user: exact latency percentiles, cache hits, verdicts, models and tokens. */
@ApplicationScoped
public class QueryStatisticsQueries {

    public record Summary(long questions, long cacheHits, Double meanMs, Double p50Ms, Double p95Ms, Double p99Ms,
                          long promptTokens, long completionTokens) {
    }

    public record VerdictRow(String verdict, long questions) {
    }

    public record ModelRow(String model, long questions, long promptTokens, long completionTokens) {
    }

    /**
     * percentile_cont over every matching row: the exact continuous percentile (linear interpolation
     * between the two nearest ranks), not an estimate from a histogram.
     */
    public Summary summary(Connection c, UUID userId, TimeRange range) {
        TimeRange.Condition condition = range.condition("answered_at");
        return Sql.queryOne(c, """
                SELECT count(*) AS questions, count(*) FILTER (WHERE cache_hit) AS cache_hits,
                       avg(latency_ms)::double precision AS mean_ms,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99,
                       COALESCE(sum(prompt_tokens), 0) AS prompt_tokens,
                       COALESCE(sum(completion_tokens), 0) AS completion_tokens
                FROM query_fact WHERE user_id = ? %s""".formatted(condition.sql()),
                row -> new Summary(row.getLong("questions"), row.getLong("cache_hits"),
                        Sql.nullableDouble(row, "mean_ms"), Sql.nullableDouble(row, "p50"),
                        Sql.nullableDouble(row, "p95"), Sql.nullableDouble(row, "p99"),
                        row.getLong("prompt_tokens"), row.getLong("completion_tokens")),
                params(userId, condition));
    }

    public List<VerdictRow> verdicts(Connection c, UUID userId, TimeRange range) {
        TimeRange.Condition condition = range.condition("answered_at");
        return Sql.query(c, """
                SELECT verdict, count(*) AS questions FROM query_fact WHERE user_id = ? %s
                GROUP BY verdict ORDER BY verdict""".formatted(condition.sql()),
                row -> new VerdictRow(row.getString("verdict"), row.getLong("questions")),
                params(userId, condition));
    }

    public List<ModelRow> models(Connection c, UUID userId, TimeRange range) {
        TimeRange.Condition condition = range.condition("answered_at");
        return Sql.query(c, """
                SELECT model, count(*) AS questions, sum(prompt_tokens) AS prompt_tokens,
                       sum(completion_tokens) AS completion_tokens
                FROM query_fact WHERE user_id = ? %s
                GROUP BY model ORDER BY questions DESC, model""".formatted(condition.sql()),
                row -> new ModelRow(row.getString("model"), row.getLong("questions"), row.getLong("prompt_tokens"),
                        row.getLong("completion_tokens")),
                params(userId, condition));
    }

    private static Object[] params(UUID userId, TimeRange.Condition condition) {
        List<Object> params = new ArrayList<>();
        params.add(userId);
        params.addAll(condition.params());
        return params.toArray();
    }
}
