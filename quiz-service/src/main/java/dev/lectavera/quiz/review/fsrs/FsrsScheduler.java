package dev.lectavera.quiz.review.fsrs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * FSRS-6, implemented from its published formulas (the algorithm description of open-spaced-repetition and its
 * reference implementations py-fsrs 6, ts-fsrs 5, fsrs-rs): a card's memory is a stability S (days until
 * retrievability falls to 90 %) and a difficulty D (1-10); the forgetting curve is
 * {@code R(t) = (1 + F * t / S)^C} with {@code C = -w20} and {@code F = 0.9^(1/C) - 1}; the next interval is the time
 * at which R falls to the desired retention. Elapsed time counts whole days of 24 hours, as the reference
 * implementations do. Pure and thread-safe: the caller passes the time and the fuzz seed.
 */
public final class FsrsScheduler {

    private static final double MIN_STABILITY = 0.001;
    private static final double MIN_DIFFICULTY = 1.0;
    private static final double MAX_DIFFICULTY = 10.0;
    private static final long SECONDS_PER_DAY = 86_400;

    private final FsrsSettings settings;
    private final double[] w;
    private final double decay;
    private final double factor;

    public FsrsScheduler(FsrsSettings settings) {
        this.settings = settings;
        this.w = settings.weights();
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    public FsrsSettings settings() {
        return settings;
    }

    /** The probability of recalling the card at {@code at}; 0 for a card never reviewed. */
    public double retrievability(MemoryState card, Instant at) {
        if (card.lastReview() == null || card.stability() == null) {
            return 0;
        }
        return forgettingCurve(Math.max(0, wholeDays(card.lastReview(), at)), card.stability());
    }

    /** R after {@code elapsedDays} for a memory of stability {@code stability}. */
    public double forgettingCurve(double elapsedDays, double stability) {
        return Math.pow(1 + factor * elapsedDays / stability, decay);
    }

    /** The whole days until R falls to the desired retention, at least 1 and at most the maximum interval. */
    public int nextIntervalDays(double stability) {
        double days = stability / factor * (Math.pow(settings.desiredRetention(), 1 / decay) - 1);
        return (int) Math.min(Math.max(Math.round(days), 1), settings.maximumIntervalDays());
    }

    /**
     * The card after a review with {@code rating} at {@code at}. {@code fuzzSeed} picks the fuzz (only Review-state
     * intervals of 3 days and more are fuzzed, and only when fuzz is on): the same seed gives the same interval.
     */
    public MemoryState review(MemoryState card, Rating rating, Instant at, long fuzzSeed) {
        Long days = card.lastReview() == null ? null : wholeDays(card.lastReview(), at);
        boolean sameDay = days != null && days < 1;
        double stability;
        double difficulty;
        if (card.stability() == null || card.difficulty() == null) {
            stability = initialStability(rating);
            difficulty = clampDifficulty(initialDifficulty(rating));
        } else {
            stability = sameDay ? shortTermStability(card.stability(), rating)
                    : nextStability(card.difficulty(), card.stability(), retrievability(card, at), rating);
            difficulty = nextDifficulty(card.difficulty(), rating);
        }
        return switch (card.state()) {
            case NEW, LEARNING -> stepped(card, settings.learningSteps(), CardState.LEARNING, rating, at, stability,
                    difficulty, fuzzSeed);
            case RELEARNING -> stepped(card, settings.relearningSteps(), CardState.RELEARNING, rating, at, stability,
                    difficulty, fuzzSeed);
            case REVIEW -> rating == Rating.AGAIN && !settings.relearningSteps().isEmpty()
                    ? new MemoryState(CardState.RELEARNING, 0, stability, difficulty,
                    at.plus(settings.relearningSteps().getFirst()), at)
                    : graduated(stability, difficulty, at, fuzzSeed);
        };
    }

    /** Learning or relearning: through the short steps, then on to day intervals. */
    private MemoryState stepped(MemoryState card, List<Duration> steps, CardState state, Rating rating, Instant at,
                                double stability, double difficulty, long fuzzSeed) {
        int step = card.step() == null ? 0 : card.step();
        if (steps.isEmpty() || (step >= steps.size() && rating != Rating.AGAIN)) {
            return graduated(stability, difficulty, at, fuzzSeed);
        }
        return switch (rating) {
            case AGAIN -> new MemoryState(state, 0, stability, difficulty, at.plus(steps.getFirst()), at);
            case HARD -> {
                Duration wait;
                if (step == 0 && steps.size() == 1) {
                    wait = Duration.ofMillis(Math.round(steps.getFirst().toMillis() * 1.5));
                } else if (step == 0) {
                    wait = steps.get(0).plus(steps.get(1)).dividedBy(2);
                } else {
                    wait = steps.get(Math.min(step, steps.size() - 1));
                }
                yield new MemoryState(state, step, stability, difficulty, at.plus(wait), at);
            }
            case GOOD -> step + 1 >= steps.size() ? graduated(stability, difficulty, at, fuzzSeed)
                    : new MemoryState(state, step + 1, stability, difficulty, at.plus(steps.get(step + 1)), at);
            case EASY -> graduated(stability, difficulty, at, fuzzSeed);
        };
    }

    private MemoryState graduated(double stability, double difficulty, Instant at, long fuzzSeed) {
        int interval = nextIntervalDays(stability);
        if (settings.fuzz()) {
            interval = fuzzed(interval, fuzzSeed);
        }
        return new MemoryState(CardState.REVIEW, null, stability, difficulty, at.plus(Duration.ofDays(interval)), at);
    }

    double initialStability(Rating rating) {
        return Math.max(w[rating.grade() - 1], MIN_STABILITY);
    }

    double initialDifficulty(Rating rating) {
        return w[4] - Math.exp(w[5] * (rating.grade() - 1)) + 1;
    }

    /** Difficulty moves by -w6 per grade above Good, damped near 10, and reverts a little (w7) to D0(Easy). */
    double nextDifficulty(double difficulty, Rating rating) {
        double delta = -w[6] * (rating.grade() - 3);
        double damped = difficulty + delta * (10 - difficulty) / 9;
        return clampDifficulty(w[7] * initialDifficulty(Rating.EASY) + (1 - w[7]) * damped);
    }

    /** A second review on the same day (w17..w19); a passing grade never lowers stability. */
    double shortTermStability(double stability, Rating rating) {
        double increase = Math.exp(w[17] * (rating.grade() - 3 + w[18])) * Math.pow(stability, -w[19]);
        if (rating == Rating.GOOD || rating == Rating.EASY) {
            increase = Math.max(increase, 1);
        }
        return Math.max(stability * increase, MIN_STABILITY);
    }

    double nextStability(double difficulty, double stability, double retrievability, Rating rating) {
        double next = rating == Rating.AGAIN ? forgetStability(difficulty, stability, retrievability)
                : recallStability(difficulty, stability, retrievability, rating);
        return Math.max(next, MIN_STABILITY);
    }

    private double recallStability(double difficulty, double stability, double retrievability, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? w[15] : 1;
        double easyBonus = rating == Rating.EASY ? w[16] : 1;
        return stability * (1 + Math.exp(w[8]) * (11 - difficulty) * Math.pow(stability, -w[9])
                * (Math.exp((1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus);
    }

    /** After a lapse: the long-term formula, never above what a same-day Again would leave. */
    private double forgetStability(double difficulty, double stability, double retrievability) {
        double longTerm = w[11] * Math.pow(difficulty, -w[12]) * (Math.pow(stability + 1, w[13]) - 1)
                * Math.exp((1 - retrievability) * w[14]);
        double shortTerm = stability / Math.exp(w[17] * w[18]);
        return Math.min(longTerm, shortTerm);
    }

    /**
     * A day interval spread over a range growing with its length (15 % of the days from 2.5 to 7, 10 % from 7 to
     * 20, 5 % beyond), so cards learnt together do not stay due together; the draw comes from the seed.
     */
    int fuzzed(int interval, long seed) {
        if (interval < 2.5) {
            return interval;
        }
        double delta = 1.0 + 0.15 * Math.max(Math.min(interval, 7.0) - 2.5, 0)
                + 0.10 * Math.max(Math.min(interval, 20.0) - 7.0, 0)
                + 0.05 * Math.max(interval - 20.0, 0);
        int max = (int) Math.min(Math.round(interval + delta), settings.maximumIntervalDays());
        int min = (int) Math.min(Math.max(2, Math.round(interval - delta)), max);
        return min + (int) Math.floor(new SplittableRandom(seed).nextDouble() * (max - min + 1));
    }

    private static double clampDifficulty(double difficulty) {
        return Math.min(Math.max(difficulty, MIN_DIFFICULTY), MAX_DIFFICULTY);
    }

    /** Whole days of 24 hours from {@code from} to {@code to} (negative when {@code to} is earlier). */
    static long wholeDays(Instant from, Instant to) {
        return Math.floorDiv(Duration.between(from, to).getSeconds(), SECONDS_PER_DAY);
    }
}
