package dev.lectavera.study.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * A domain error with an HTTP status and a stable {@code code}. Over HTTP quarkus-resteasy-problem renders it as
 * application/problem+json; over WebSocket it becomes an {@code error} event with the same code.
 */
public class StudyProblem extends HttpProblem {

    private final String code;
    private final Long retryAfterSeconds;

    protected StudyProblem(Builder builder, String code, Long retryAfterSeconds) {
        super(builder);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same problem, raised again. */
    protected StudyProblem(StudyProblem problem) {
        this(HttpProblem.builder(problem), problem.code, problem.retryAfterSeconds);
    }

    public String code() {
        return code;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static StudyProblem of(Response.Status status, String code, String detail) {
        return new StudyProblem(base(status, code, detail), code, null);
    }

    private static Builder base(Response.Status status, String code, String detail) {
        return HttpProblem.builder().withStatus(status).withTitle(status.getReasonPhrase()).withDetail(detail)
                .with("code", code);
    }

    public static StudyProblem sessionNotFound(UUID id) {
        return of(Response.Status.NOT_FOUND, "session_not_found", "Session " + id + " not found");
    }

    public static StudyProblem sessionArchived(UUID id) {
        return of(Response.Status.CONFLICT, "session_archived",
                "Session " + id + " is archived: its history stays readable, questions go to a new session");
    }

    public static StudyProblem documentNotFound(UUID documentId) {
        return new StudyProblem(base(Response.Status.NOT_FOUND, "document_not_found",
                "Document " + documentId + " not found").with("field", "documentIds").with("documentId", documentId),
                "document_not_found", null);
    }

    public static StudyProblem documentNotReady(UUID documentId, String status) {
        return new StudyProblem(base(Response.Status.BAD_REQUEST, "document_not_indexed",
                "Document " + documentId + " is " + status + ", not INDEXED: only indexed documents can be studied")
                .with("field", "documentIds").with("documentId", documentId).with("documentStatus", status),
                "document_not_indexed", null);
    }

    public static StudyProblem unknownMessage(UUID messageId) {
        return new StudyProblem(base(Response.Status.BAD_REQUEST, "unknown_message",
                "Message " + messageId + " is not a message of this session").with("field", "after"),
                "unknown_message", null);
    }

    /** The user was deleted (UserDeleted applied): nothing more is stored for them. */
    public static StudyProblem accountDeleted() {
        return of(Response.Status.UNAUTHORIZED, "account_deleted", "This account was deleted: nothing more is stored for it");
    }

    public static StudyProblem rateLimited(long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new StudyProblem(base(Response.Status.TOO_MANY_REQUESTS, "rate_limited",
                "Too many questions: try again in " + seconds + " s").with("retryAfter", seconds)
                .withHeader("Retry-After", seconds), "rate_limited", seconds);
    }

    public static StudyProblem documentsUnavailable(String why) {
        return new StudyProblem(base(Response.Status.SERVICE_UNAVAILABLE, "documents_unavailable",
                "The document service is unavailable (" + why + "); nothing was answered, try again shortly")
                .withHeader("Retry-After", 5).with("retryAfter", 5), "documents_unavailable", 5L);
    }

    public static StudyProblem internal() {
        return of(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                "The answer could not be produced; the question is kept, please ask again");
    }

    public static StudyProblem documentsRejectedToken() {
        return of(Response.Status.UNAUTHORIZED, "token_rejected",
                "The document service rejected the access token (expired?): sign in again");
    }
}
