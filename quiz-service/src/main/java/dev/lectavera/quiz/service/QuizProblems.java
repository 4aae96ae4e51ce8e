package dev.lectavera.quiz.service;

import dev.lectavera.quiz.generation.GenerationResult;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The problem+json answers of this service's own rules (validation problems come from Bean Validation). */
public final class QuizProblems {

    private QuizProblems() {
    }

    public static HttpProblem quizNotFound(UUID quizId) {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found")
                .withDetail("Quiz " + quizId + " not found").build();
    }

    public static HttpProblem attemptNotFound(UUID attemptId) {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found")
                .withDetail("Attempt " + attemptId + " not found").build();
    }

    /** Unknown, or somebody else's: the same answer either way. */
    public static HttpProblem documentNotFound(UUID documentId) {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found")
                .withDetail("Document " + documentId + " not found").with("documentId", documentId).build();
    }

    public static HttpProblem documentNotIndexed(UUID documentId, String status) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Document not ready")
                .withDetail("Document " + documentId + " is " + status + ", not INDEXED: a quiz can only be built"
                        + " from indexed documents. Wait for processing to finish (or pick another document).")
                .with("documentId", documentId).with("documentStatus", status).with("field", "documentIds").build();
    }

    public static HttpProblem documentsUnavailable() {
        return HttpProblem.builder().withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle("Documents unavailable")
                .withDetail("The document service is not available right now, so the documents cannot be read."
                        + " Try again in a moment.")
                .withHeader("Retry-After", 10).build();
    }

    public static HttpProblem documentsRefused(int status) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_GATEWAY).withTitle("Documents refused")
                .withDetail("The document service refused to read the documents (status " + status + ").").build();
    }

    /** The documents hold nothing a question can be built on: no empty quiz is stored. */
    public static HttpProblem nothingToAsk(GenerationResult result) {
        String reason = result.shortfall() == null ? "No question could be built." : result.shortfall().reason();
        return HttpProblem.builder().withStatus(422).withTitle("No questions")
                .withDetail("No quiz could be generated from these documents. " + reason)
                .with("generator", result.generator()).build();
    }

    /**
     * A write for a user whose account has been deleted (UserDeleted applied): the identity the token names is gone,
     * so it does not authenticate, whatever the token's own state.
     */
    public static HttpProblem accountDeleted() {
        return HttpProblem.builder().withStatus(Response.Status.UNAUTHORIZED).withTitle("Account deleted")
                .withDetail("This account has been deleted; nothing more is stored for it.")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
    }

    public static HttpProblem unknownQuestion(int index, UUID questionId) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withDetail("answers[" + index + "].questionId " + questionId + " is not a question of this quiz")
                .with("field", "answers[" + index + "].questionId").build();
    }

    public static HttpProblem duplicateAnswer(int index, UUID questionId) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withDetail("answers[" + index + "] answers question " + questionId + " a second time")
                .with("field", "answers[" + index + "].questionId").build();
    }

    public static HttpProblem pageNotFound(UUID documentId, int page) {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found")
                .withDetail("Page " + page + " of document " + documentId + " not found").with("documentId", documentId)
                .with("page", page).build();
    }

    public static HttpProblem cardNotFound(UUID cardId) {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found")
                .withDetail("Card " + cardId + " not found").build();
    }

    public static HttpProblem questionNotFound(UUID questionId) {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found")
                .withDetail("Question " + questionId + " not found").build();
    }

    /** A question's answer is shown from the quiz's first attempt on; a card would show it before. */
    public static HttpProblem questionNotAttempted(UUID questionId) {
        return HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Quiz not attempted")
                .withDetail("Question " + questionId + " belongs to a quiz not attempted yet: submit an attempt"
                        + " before saving its questions as cards.").with("field", "questionId").build();
    }

    public static HttpProblem quoteNotOnPage(UUID documentId, int page) {
        return HttpProblem.builder().withStatus(422).withTitle("Quote not on page")
                .withDetail("The quote does not occur on page " + page + " of document " + documentId
                        + " (at the given offsets, when given).").with("field", "quote").build();
    }

    public static HttpProblem badField(String field, String detail) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withDetail(detail).with("field", field).build();
    }

    /** The documents hold nothing a flashcard can be made of. */
    public static HttpProblem nothingToLearn(GenerationResult result) {
        String reason = result.shortfall() == null ? "No flashcard could be built." : result.shortfall().reason();
        return HttpProblem.builder().withStatus(422).withTitle("No flashcards")
                .withDetail("No flashcards could be generated from these documents. " + reason)
                .with("generator", result.generator()).build();
    }
}
