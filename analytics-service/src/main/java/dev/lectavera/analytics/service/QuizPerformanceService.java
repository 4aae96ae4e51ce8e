package dev.lectavera.analytics.service;

import dev.lectavera.analytics.config.AnalyticsConfig;
import dev.lectavera.analytics.repository.QuizPerformanceQueries;
import dev.lectavera.analytics.repository.QuizPerformanceQueries.MissRow;
import dev.lectavera.analytics.repository.QuizPerformanceQueries.TopicRow;
import dev.lectavera.analytics.service.QuizPerformance.AttemptScore;
import dev.lectavera.analytics.service.QuizPerformance.DocumentPerformance;
import dev.lectavera.analytics.service.QuizPerformance.Review;
import dev.lectavera.analytics.service.QuizPerformance.TopicPerformance;
import dev.lectavera.analytics.service.QuizPerformance.WeakTopic;
import dev.lectavera.kit.jdbc.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class QuizPerformanceService {

    private final Database database;
    private final QuizPerformanceQueries queries;
    private final AnalyticsConfig config;

    QuizPerformanceService(Database database, QuizPerformanceQueries queries, AnalyticsConfig config) {
        this.database = database;
        this.queries = queries;
        this.config = config;
    }

    public QuizPerformance performance(UUID userId) {
        int minAnswers = config.weakTopics().minAnswers();
        return database.withConnection(c -> {
            List<AttemptScore> scores = queries.attempts(c, userId).stream()
                    .map(a -> new AttemptScore(a.attemptId(), a.quizId(), a.completedAt(), a.score(), a.maxScore(),
                            a.maxScore() > 0 ? Figures.percent(100 * a.score() / a.maxScore()) : null,
                            a.durationSeconds()))
                    .toList();
            List<DocumentPerformance> documents = queries.perDocument(c, userId).stream()
                    .map(d -> new DocumentPerformance(d.documentId(), d.title(), d.deleted(), d.attempts(),
                            d.questions(), d.correct(), Figures.percent(d.averagePercent())))
                    .toList();
            List<TopicRow> topicRows = queries.perTopic(c, userId);
            List<TopicPerformance> topics = topicRows.stream()
                    .map(t -> new TopicPerformance(t.topic(), t.correct(), t.total(),
                            Figures.percent(t.correct(), t.total())))
                    .toList();
            List<TopicRow> weakest = weakest(topicRows, minAnswers, config.weakTopics().limit());
            Map<String, List<MissRow>> misses = queries.misses(c, userId,
                            weakest.stream().map(TopicRow::topic).toList()).stream()
                    .collect(Collectors.groupingBy(MissRow::topic));
            List<WeakTopic> weakTopics = weakest.stream()
                    .map(t -> new WeakTopic(t.topic(), t.correct(), t.total(), Figures.percent(t.correct(), t.total()),
                            review(misses.getOrDefault(t.topic(), List.of()))))
                    .toList();
            return new QuizPerformance(scores, documents, topics, weakTopics, minAnswers);
        });
    }

    /**
     * Topics with at least {@code minAnswers} answers and at least one miss, lowest accuracy first
     * (ties: more answers first, then by name), at most {@code limit}.
     */
    static List<TopicRow> weakest(List<TopicRow> topics, int minAnswers, int limit) {
        return topics.stream()
                .filter(t -> t.total() >= minAnswers && t.correct() < t.total())
                .sorted(Comparator.comparingDouble((TopicRow t) -> (double) t.correct() / t.total())
                        .thenComparing(TopicRow::total, Comparator.reverseOrder())
                        .thenComparing(TopicRow::topic))
                .limit(limit)
                .toList();
    }

    /** Documents with the most misses first; each with its pages (ascending) where questions were missed. */
    static List<Review> review(List<MissRow> misses) {
        Map<UUID, List<MissRow>> byDocument = new LinkedHashMap<>();
        for (MissRow miss : misses) {
            byDocument.computeIfAbsent(miss.documentId(), id -> new ArrayList<>()).add(miss);
        }
        return byDocument.values().stream()
                .map(rows -> new Review(rows.getFirst().documentId(), rows.getFirst().title(),
                        rows.stream().mapToLong(MissRow::missed).sum(),
                        List.copyOf(rows.stream().map(MissRow::page).filter(p -> p != null)
                                .collect(Collectors.toCollection(TreeSet::new)))))
                .sorted(Comparator.comparingLong(Review::missed).reversed()
                        .thenComparing(r -> r.documentId().toString()))
                .toList();
    }
}
