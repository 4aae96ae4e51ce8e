package dev.lectavera.quiz.client;

/** document-service refused the request (a 4xx other than 404): retrying would not help. */
public class DocumentRequestRejectedException extends RuntimeException {

    private final int status;

    public DocumentRequestRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
