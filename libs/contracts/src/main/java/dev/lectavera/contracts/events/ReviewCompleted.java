package dev.lectavera.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One review of a spaced-review card (quiz-service, FSRS-6), with the card's schedule after it, so a reader can
 * count reviews and retention and forecast when cards fall due.
 *
 * @param rating         again, hard, good or easy
 * @param stateBefore    new, learning, review or relearning (stateAfter likewise)
 * @param elapsedDays    whole days since the card's previous review; null for its first
 * @param retrievability the predicted probability of recall at the review (0 for a new card)
 * @param stability      the card's stability in days after the review
 * @param decay          the forgetting curve's decay (FSRS-6 w20), so readers compute retrievability at any time
 * @param topic          the key term the card is about
 */
public record ReviewCompleted(
        UUID cardId,
        UUID userId,
        UUID documentId,
        int page,
        String topic,
        String rating,
        String stateBefore,
        String stateAfter,
        Integer elapsedDays,
        double retrievability,
        double stability,
        double difficulty,
        double decay,
        double desiredRetention,
        Instant reviewedAt,
        Instant due) {
}
