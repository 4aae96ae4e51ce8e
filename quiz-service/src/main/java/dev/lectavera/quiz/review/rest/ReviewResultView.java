package dev.lectavera.quiz.review.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A review's outcome.
 *
 * @param rating          the rating applied
 * @param answerCorrect   the typed answer's grade, when one was typed
 * @param suggestedRating good for a correct typed answer, again for a wrong one
 * @param retrievability  the predicted recall at the review, before it
 * @param scheduledDays   whole days until the card is due again (0 within the learning steps)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewResultView(CardView card, String rating, Boolean answerCorrect, String grading,
                               String suggestedRating, double retrievability, int scheduledDays) {
}
