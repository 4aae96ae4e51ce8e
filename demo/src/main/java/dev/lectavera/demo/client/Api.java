package dev.lectavera.demo.client;

import java.util.List;

/**
 * The parts of LectaVera's public API the demo reads, as the services send them (field names are the JSON
 * names; fields the demo does not need are ignored). See each service's README for the full shapes.
 */
public final class Api {

    private Api() {
    }

    /** auth-service: the account ({@code POST /api/v1/auth/register}, {@code GET /api/v1/users/me}). */
    public record User(String id, String email, String fullName, boolean emailVerified) {
    }

    /** auth-service: {@code POST /api/v1/auth/login}. */
    public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    /** document-service: {@code POST /api/v1/documents}; {@code httpStatus} is 202 (new) or 200 (same file again). */
    public record Upload(int httpStatus, String id, String status) {
    }

    /** document-service: {@code GET /api/v1/documents/{id}/status}. */
    public record DocumentStatus(String documentId, String status, int pagesDone, Integer pagesTotal,
                                 String failureReason) {
    }

    /** document-service: {@code GET /api/v1/documents/{id}}. */
    public record Document(String id, String title, String status, String failureReason, Integer pageCount,
                           Integer chunkCount, long sizeBytes) {
    }

    /** document-service: {@code GET /api/v1/documents/{id}/pages/{n}}. */
    public record PageText(String documentId, int page, String text) {
    }

    /** study-service: {@code POST /api/v1/study/sessions}. */
    public record StudySession(String id, String title, List<String> documentIds, String status) {
    }

    /** study-service: a citation of an answer; {@code quote} is the page text at its offsets. */
    public record Citation(int marker, String documentId, String title, int page, String quote, int startOffset,
                           int endOffset) {
    }

    /** quiz-service: where a question comes from ({@code passage} is masked until the first attempt). */
    public record Source(String documentId, String title, int page, String passage, boolean passageMasked) {
    }

    /** quiz-service: a question as the quiz shows it (no answer key before an attempt). */
    public record Question(String id, int position, String type, String prompt, List<String> options,
                           String topic, Source source) {
    }

    /** quiz-service: {@code POST /api/v1/quiz/generate}. */
    public record Quiz(String id, String title, String difficulty, int requestedCount, int questionCount,
                       String generator, List<Question> questions) {
    }

    /** quiz-service: an answer of an attempt. */
    public record AnswerSubmission(String questionId, String answer) {
    }

    /** quiz-service: one graded question of an attempt. */
    public record QuestionResult(String questionId, int position, String type, String prompt, String yourAnswer,
                                 boolean correct, String grading, String correctAnswer, String explanation,
                                 int page) {
    }

    /** quiz-service: {@code POST /api/v1/quiz/{id}/attempts}. */
    public record Attempt(String id, String quizId, double score, double maxScore, double percent,
                          int timeSpentSeconds, List<QuestionResult> results) {
    }

    /** quiz-service: where a review card's answer is written. */
    public record CardSource(String documentId, String title, int page, String passage) {
    }

    /** quiz-service: a review card (FSRS-6 state new, learning, review or relearning). */
    public record Card(String id, String origin, String questionId, String prompt, String answer, String topic,
                       CardSource source, String state, String due, Double stability, int reps) {
    }

    /** quiz-service: when each rating would make the card due again. */
    public record NextDue(String again, String hard, String good, String easy) {
    }

    public record QueuedCard(Card card, NextDue next) {
    }

    /** quiz-service: {@code GET /api/v1/quiz/review/queue}. */
    public record ReviewQueue(String day, List<QueuedCard> items, int dueCount, int newCount) {
    }

    /** quiz-service: {@code POST /api/v1/quiz/review/cards/{id}/reviews}. */
    public record ReviewResult(Card card, String rating, Boolean answerCorrect, String suggestedRating,
                               int scheduledDays) {
    }

    /** analytics-service: the overview's review figures. */
    public record ReviewSummary(long reviewsTotal, long cardsReviewed, long dueNow, Double trueRetention) {
    }

    /** analytics-service: {@code GET /api/v1/analytics/overview}. */
    public record Overview(long documentsIndexed, long pagesIndexed, long chatSessions, long chatMessages,
                           long questionsAsked, long quizzesTaken, Double averageScore, Double bestScore,
                           long minutesStudied, int currentStreakDays, int longestStreakDays, String timezone,
                           String today, ReviewSummary review) {
    }
}
