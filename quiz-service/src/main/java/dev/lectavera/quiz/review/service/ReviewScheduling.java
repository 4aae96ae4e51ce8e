package dev.lectavera.quiz.review.service;

import dev.lectavera.quiz.config.QuizConfig;
import dev.lectavera.quiz.review.fsrs.FsrsScheduler;
import dev.lectavera.quiz.review.fsrs.FsrsSettings;
import dev.lectavera.quiz.review.model.Card;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FSRS-6 scheduler for a desired retention (FSRS-6's default weights; steps, maximum interval and fuzz from
 * {@code lectavera.quiz.review.*}), and the fuzz seed of a card's next review.
 */
@ApplicationScoped
public class ReviewScheduling {

    private final QuizConfig.Review config;
    private final Map<Double, FsrsScheduler> byRetention = new ConcurrentHashMap<>();

    ReviewScheduling(QuizConfig config) {
        this.config = config.review();
    }

    public FsrsScheduler forRetention(double desiredRetention) {
        return byRetention.computeIfAbsent(desiredRetention, retention -> new FsrsScheduler(new FsrsSettings(
                FsrsSettings.DEFAULT_WEIGHTS, retention, config.learningSteps(), config.relearningSteps(),
                config.maximumInterval(), config.fuzz())));
    }

    /**
     * The card's id and review count: the interval previewed on a rating button is the one the review then gives,
     * and the same review replayed gives the same date.
     */
    public static long fuzzSeed(Card card) {
        return card.id().getMostSignificantBits() ^ card.id().getLeastSignificantBits()
                ^ (card.reps() * 0x9E3779B97F4A7C15L);
    }

    /** FSRS-6's decay (w20), which readers of ReviewCompleted need to compute retrievability. */
    public static double decay() {
        return FsrsSettings.DEFAULT_WEIGHTS[20];
    }
}
