package dev.lectavera.quiz.review.model;

import dev.lectavera.quiz.review.fsrs.MemoryState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A review card (row of {@code card}): what it asks and answers, the page it comes from, its FSRS schedule, and
 * whether it is suspended (by the student, or because its document was deleted).
 */
public record Card(UUID id, UUID userId, CardOrigin origin, UUID questionId, String questionType, String prompt,
                   List<String> options, String answer, String explanation, String topic, CardSource source,
                   MemoryState memory, int reps, int lapses, boolean suspended, String suspendedReason,
                   Instant createdAt) {

    public static final String SUSPENDED_BY_USER = "user";
    public static final String SUSPENDED_DOCUMENT_DELETED = "document_deleted";
}
