package dev.lectavera.demo.client;

/**
 * The gateway (or a service behind it) answered with an error status. Carries the status and the
 * {@code application/problem+json} body, so a caller can show the service's own explanation.
 */
public class GatewayException extends RuntimeException {

    private final int status;
    private final String problem;

    public GatewayException(String request, int status, String problem) {
        super(request + " answered HTTP " + status + (problem == null || problem.isBlank() ? "" : ": " + problem));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    /** The response body as sent (usually problem+json); empty when there was none. */
    public String problem() {
        return problem == null ? "" : problem;
    }
}
