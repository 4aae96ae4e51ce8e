package dev.lectavera.quiz.review.fsrs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.lectavera.quiz.review.fsrs.Rating.AGAIN;
import static dev.lectavera.quiz.review.fsrs.Rating.EASY;
import static dev.lectavera.quiz.review.fsrs.Rating.GOOD;
import static dev.lectavera.quiz.review.fsrs.Rating.HARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FSRS-6 against the reference implementation's published values: py-fsrs 6.3.1 (github
 * open-spaced-repetition/py-fsrs, tests/test_basic.py), default weights, fixed clocks.
 */
class FsrsSchedulerTest {

    private static final Instant START = Instant.parse("2022-11-29T12:30:00Z");
    private final FsrsScheduler noFuzz = new FsrsScheduler(FsrsSettings.defaults(0.9, false));

    /** py-fsrs test_review_card: each review at the card's due time; intervals in whole days. */
    @Test
    void intervalsOfAFixedRatingSequenceMatchTheReference() {
        List<Rating> ratings = List.of(GOOD, GOOD, GOOD, GOOD, GOOD, GOOD, AGAIN, AGAIN, GOOD, GOOD, GOOD, GOOD, GOOD);
        MemoryState card = MemoryState.fresh(START);
        Instant at = START;
        List<Long> intervals = new ArrayList<>();
        for (Rating rating : ratings) {
            card = noFuzz.review(card, rating, at, 1);
            intervals.add(Duration.between(card.lastReview(), card.due()).toDays());
            at = card.due();
        }
        assertEquals(List.of(0L, 2L, 11L, 46L, 163L, 498L, 0L, 0L, 2L, 4L, 7L, 12L, 21L), intervals);
    }

    /** py-fsrs test_memo_state: Again then five Goods after 0, 0, 1, 3, 8, 21 days. */
    @Test
    void stabilityAndDifficultyMatchTheReference() {
        List<Rating> ratings = List.of(AGAIN, GOOD, GOOD, GOOD, GOOD, GOOD);
        int[] gaps = {0, 0, 1, 3, 8, 21};
        MemoryState card = MemoryState.fresh(START);
        Instant at = START;
        for (int i = 0; i < ratings.size(); i++) {
            at = at.plus(Duration.ofDays(gaps[i]));
            card = noFuzz.review(card, ratings.get(i), at, i);
        }
        assertEquals(53.62691, card.stability(), 1e-4);
        assertEquals(6.3574867, card.difficulty(), 1e-4);
    }

    /** py-fsrs test_repeated_correct_reviews: ten Easys a microsecond apart drive difficulty to its floor. */
    @Test
    void repeatedEasyReachesMinimumDifficulty() {
        MemoryState card = MemoryState.fresh(START);
        for (int i = 0; i < 10; i++) {
            card = noFuzz.review(card, EASY, START.plusNanos(i * 1000L), i);
        }
        assertEquals(1.0, card.difficulty());
    }

    /** The first review: S0 = w[grade-1], D0 = w4 - e^(w5 (grade-1)) + 1 (FSRS-6 formulas). */
    @Test
    void firstReviewSetsInitialMemory() {
        MemoryState good = noFuzz.review(MemoryState.fresh(START), GOOD, START, 0);
        assertEquals(2.3065, good.stability(), 1e-9);
        assertEquals(6.4133 - Math.exp(0.8334 * 2) + 1, good.difficulty(), 1e-9);
        assertEquals(CardState.LEARNING, good.state());
        assertEquals(1, good.step());
        assertEquals(START.plus(Duration.ofMinutes(10)), good.due());
    }

    /** py-fsrs test_again/hard/easy_learning_steps: 1 min, 5.5 min, and straight to day intervals. */
    @Test
    void learningSteps() {
        MemoryState fresh = MemoryState.fresh(START);
        assertEquals(START.plus(Duration.ofMinutes(1)), noFuzz.review(fresh, AGAIN, START, 0).due());
        assertEquals(START.plus(Duration.ofSeconds(330)), noFuzz.review(fresh, HARD, START, 0).due());
        MemoryState easy = noFuzz.review(fresh, EASY, START, 0);
        assertEquals(CardState.REVIEW, easy.state());
        assertTrue(Duration.between(START, easy.due()).toDays() >= 1);
    }

    /** py-fsrs test_relearning: a lapse goes to relearning (10 min), Good returns it to day intervals. */
    @Test
    void lapseRelearnsThenReturnsToReview() {
        MemoryState card = MemoryState.fresh(START);
        for (int i = 0; i < 3; i++) {
            card = noFuzz.review(card, GOOD, card.due(), i);
        }
        assertEquals(CardState.REVIEW, card.state());
        Instant lapseAt = card.due();
        card = noFuzz.review(card, AGAIN, lapseAt, 3);
        assertEquals(CardState.RELEARNING, card.state());
        assertEquals(lapseAt.plus(Duration.ofMinutes(10)), card.due());
        card = noFuzz.review(card, GOOD, card.due(), 4);
        assertEquals(CardState.REVIEW, card.state());
        assertTrue(Duration.between(card.lastReview(), card.due()).toHours() >= 24);
    }

    @Test
    void retrievabilityIsNinetyPercentAfterOneStability() {
        MemoryState card = new MemoryState(CardState.REVIEW, null, 10.0, 5.0, START, START);
        assertEquals(0.9, noFuzz.retrievability(card, START.plus(Duration.ofDays(10))), 1e-9);
        assertEquals(1.0, noFuzz.retrievability(card, START), 1e-9);
        assertEquals(0.0, noFuzz.retrievability(MemoryState.fresh(START), START));
        // at the desired retention's interval R has fallen to about that retention
        int interval = noFuzz.nextIntervalDays(10.0);
        assertEquals(10, interval);
    }

    @Test
    void lowerRetentionMeansLongerIntervals() {
        FsrsScheduler relaxed = new FsrsScheduler(FsrsSettings.defaults(0.80, false));
        FsrsScheduler strict = new FsrsScheduler(FsrsSettings.defaults(0.97, false));
        assertTrue(relaxed.nextIntervalDays(20) > noFuzz.nextIntervalDays(20));
        assertTrue(strict.nextIntervalDays(20) < noFuzz.nextIntervalDays(20));
    }

    @Test
    void maximumIntervalCapsEveryInterval() {
        FsrsScheduler capped = new FsrsScheduler(new FsrsSettings(FsrsSettings.DEFAULT_WEIGHTS, 0.9,
                FsrsSettings.DEFAULT_LEARNING_STEPS, FsrsSettings.DEFAULT_RELEARNING_STEPS, 30, true));
        MemoryState card = MemoryState.fresh(START);
        for (int i = 0; i < 8; i++) {
            card = capped.review(card, EASY, card.due(), i);
            assertTrue(Duration.between(card.lastReview(), card.due()).toDays() <= 30);
        }
    }

    /** Fuzz stays in the published range (e.g. 100 days: delta = 1 + 0.675 + 1.3 + 4 = 6.975), seeded. */
    @Test
    void fuzzIsDeterministicPerSeedAndWithinItsRange() {
        FsrsScheduler fuzzy = new FsrsScheduler(FsrsSettings.defaults(0.9, true));
        Set<Integer> seen = new HashSet<>();
        for (long seed = 0; seed < 500; seed++) {
            int interval = fuzzy.fuzzed(100, seed);
            assertTrue(interval >= 93 && interval <= 107, "fuzzed 100 -> " + interval);
            assertEquals(interval, fuzzy.fuzzed(100, seed));
            seen.add(interval);
        }
        assertTrue(seen.size() > 10, "fuzz spreads intervals: " + seen);
        assertEquals(2, fuzzy.fuzzed(2, 7), "no fuzz below 2.5 days");
    }
}
