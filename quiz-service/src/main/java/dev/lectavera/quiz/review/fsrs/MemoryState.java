package dev.lectavera.quiz.review.fsrs;

import java.time.Instant;

/**
 * A card's schedule: its state, the learning step it is on (null outside the short steps), its memory (stability in
 * days and difficulty 1-10, both null before the first review), when it is due and when it was last reviewed.
 */
public record MemoryState(CardState state, Integer step, Double stability, Double difficulty, Instant due,
                          Instant lastReview) {

    /** A card never reviewed: due at once. */
    public static MemoryState fresh(Instant createdAt) {
        return new MemoryState(CardState.NEW, 0, null, null, createdAt, null);
    }
}
