package dev.lectavera.analytics.service;

import dev.lectavera.analytics.repository.QueryStatisticsQueries;
import dev.lectavera.analytics.repository.QueryStatisticsQueries.ModelRow;
import dev.lectavera.analytics.repository.QueryStatisticsQueries.Summary;
import dev.lectavera.analytics.repository.QueryStatisticsQueries.VerdictRow;
import dev.lectavera.analytics.repository.TimeRange;
import dev.lectavera.analytics.service.QueryStatistics.Latency;
import dev.lectavera.analytics.service.QueryStatistics.ModelUse;
import dev.lectavera.analytics.service.QueryStatistics.Tokens;
import dev.lectavera.kit.jdbc.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class QueryStatisticsService {

    /** Always listed, zero or not; any other verdict a producer sends is listed after them. */
    static final List<String> VERDICTS = List.of("CORRECT", "AMBIGUOUS", "NOT_FOUND");

    private final Database database;
    private final QueryStatisticsQueries queries;
    private final TimeZones timeZones;

    QueryStatisticsService(Database database, QueryStatisticsQueries queries, TimeZones timeZones) {
        this.database = database;
        this.queries = queries;
        this.timeZones = timeZones;
    }

    public QueryStatistics statistics(UUID userId, LocalDate from, LocalDate to, String tz) {
        ZoneId zone = timeZones.resolve(tz);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("from", "must not be after to");
        }
        TimeRange range = new TimeRange(from, to, zone.getId());
        return database.withConnection(c -> {
            Summary summary = queries.summary(c, userId, range);
            Map<String, Long> verdicts = new LinkedHashMap<>();
            VERDICTS.forEach(v -> verdicts.put(v, 0L));
            for (VerdictRow row : queries.verdicts(c, userId, range)) {
                verdicts.put(row.verdict(), row.questions());
            }
            List<ModelUse> models = queries.models(c, userId, range).stream()
                    .map(QueryStatisticsService::modelUse)
                    .toList();
            return new QueryStatistics(from, to, zone.getId(), summary.questions(),
                    new Latency(summary.meanMs(), summary.p50Ms(), summary.p95Ms(), summary.p99Ms()),
                    summary.cacheHits(), Figures.rate(summary.cacheHits(), summary.questions()), verdicts, models,
                    new Tokens(summary.promptTokens(), summary.completionTokens(),
                            summary.promptTokens() + summary.completionTokens()));
        });
    }

    private static ModelUse modelUse(ModelRow row) {
        return new ModelUse(row.model(), row.questions(), row.promptTokens(), row.completionTokens(),
                row.promptTokens() + row.completionTokens());
    }
}
