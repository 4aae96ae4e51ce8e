package dev.lectavera.study.client;

/**
 * document-service answered with a 4xx: the request was wrong for it (unknown document, token refused), not a
 * failure of the service. Never retried, never trips the circuit breaker.
 */
public class DocumentRejected extends RuntimeException {

    private final int status;

    public DocumentRejected(int status, String message) {
        super("document-service answered " + status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean unauthorized() {
        return status == 401 || status == 403;
    }
}
