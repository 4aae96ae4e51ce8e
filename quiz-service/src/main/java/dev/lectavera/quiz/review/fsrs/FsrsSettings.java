package dev.lectavera.quiz.review.fsrs;

import java.time.Duration;
import java.util.List;

/**
 * One scheduler's settings: the 21 model weights w0..w20, the retention it aims at, the short steps of learning
 * and relearning, the longest interval in days, and whether intervals are fuzzed.
 */
public record FsrsSettings(double[] weights, double desiredRetention, List<Duration> learningSteps,
                           List<Duration> relearningSteps, int maximumIntervalDays, boolean fuzz) {

    /** FSRS-6's published default weights (py-fsrs 6.x {@code DEFAULT_PARAMETERS}, ts-fsrs 5.x, fsrs-rs). */
    public static final double[] DEFAULT_WEIGHTS = {
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614,
            0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

    public static final List<Duration> DEFAULT_LEARNING_STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10));
    public static final List<Duration> DEFAULT_RELEARNING_STEPS = List.of(Duration.ofMinutes(10));
    public static final int DEFAULT_MAXIMUM_INTERVAL = 36_500;

    public FsrsSettings {
        if (weights.length != 21) {
            throw new IllegalArgumentException("FSRS-6 takes 21 weights, got " + weights.length);
        }
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("desired retention must be in (0, 1): " + desiredRetention);
        }
        if (maximumIntervalDays < 1) {
            throw new IllegalArgumentException("maximum interval must be at least one day");
        }
        weights = weights.clone();
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
    }

    public static FsrsSettings defaults(double desiredRetention, boolean fuzz) {
        return new FsrsSettings(DEFAULT_WEIGHTS, desiredRetention, DEFAULT_LEARNING_STEPS, DEFAULT_RELEARNING_STEPS,
                DEFAULT_MAXIMUM_INTERVAL, fuzz);
    }
}
