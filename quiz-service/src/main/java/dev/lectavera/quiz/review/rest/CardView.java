package dev.lectavera.quiz.review.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A review card as the student sees it (the answer is for the reveal).
 *
 * @param origin          missed_question, question, citation or flashcard
 * @param questionType    how a typed answer is graded (the quiz question types)
 * @param state           new, learning, review or relearning
 * @param stability       days until recall falls to 90 %; null before the first review
 * @param difficulty      1 (easy) to 10; null before the first review
 * @param retrievability  predicted probability of recall now (0 before the first review)
 * @param suspendedReason user or document_deleted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardView(UUID id, String origin, UUID questionId, String questionType, String prompt,
                       List<String> options, String answer, String explanation, String topic, CardSourceView source,
                       String state, Instant due, Instant lastReview, Double stability, Double difficulty,
                       double retrievability, int reps, int lapses, boolean suspended, String suspendedReason,
                       Instant createdAt) {

    /** Where the answer is written: open the page in the reader and highlight the passage (offsets when known). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CardSourceView(UUID documentId, String title, int page, String passage, Integer startOffset,
                                 Integer endOffset) {
    }
}
