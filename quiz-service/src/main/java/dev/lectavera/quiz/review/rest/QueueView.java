package dev.lectavera.quiz.review.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The due queue: due cards (most overdue first) then new cards, within what is left of today's limits.
 *
 * @param day         the user's today, in their time zone
 * @param reviewsLeft reviews of cards in schedule still allowed today
 * @param newLeft     new cards still allowed today
 */
public record QueueView(LocalDate day, List<QueuedCardView> items, int dueCount, int newCount, int reviewsLeft,
                        int newLeft, double desiredRetention) {

    /** A card with the due time each rating would give it now (for the buttons' labels). */
    public record QueuedCardView(CardView card, NextDue next) {
    }

    public record NextDue(Instant again, Instant hard, Instant good, Instant easy) {
    }
}
