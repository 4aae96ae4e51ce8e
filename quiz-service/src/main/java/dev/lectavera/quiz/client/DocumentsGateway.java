package dev.lectavera.quiz.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * document-service behind fault tolerance: each call has a timeout, transient failures are retried twice, a
 * circuit breaker stops hammering a sick service, and when all that fails the caller gets a
 * {@link DocumentServiceUnavailableException} (answered as 503). A 404 or another 4xx is an answer, not a failure:
 * never retried, never counted against the circuit, passed through.
 */
@ApplicationScoped
public class DocumentsGateway {

    private static final Logger LOG = Logger.getLogger(DocumentsGateway.class);

    private final DocumentClient client;

    DocumentsGateway(@RestClient DocumentClient client) {
        this.client = client;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {DocumentNotFoundException.class, DocumentRequestRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = {DocumentNotFoundException.class, DocumentRequestRejectedException.class})
    @Fallback(fallbackMethod = "documentUnavailable",
            skipOn = {DocumentNotFoundException.class, DocumentRequestRejectedException.class})
    public DocumentInfo document(String authorization, UUID documentId) {
        return client.get(authorization, documentId);
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {DocumentNotFoundException.class, DocumentRequestRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = {DocumentNotFoundException.class, DocumentRequestRejectedException.class})
    @Fallback(fallbackMethod = "pageUnavailable",
            skipOn = {DocumentNotFoundException.class, DocumentRequestRejectedException.class})
    public PageText page(String authorization, UUID documentId, int page) {
        return client.page(authorization, documentId, page);
    }

    DocumentInfo documentUnavailable(String authorization, UUID documentId, Throwable failure) {
        throw unavailable(failure);
    }

    PageText pageUnavailable(String authorization, UUID documentId, int page, Throwable failure) {
        throw unavailable(failure);
    }

    private static DocumentServiceUnavailableException unavailable(Throwable failure) {
        LOG.warnf("document-service unavailable: %s", failure.toString());
        return new DocumentServiceUnavailableException(
                "The document service is not available right now; try again in a moment.", failure);
    }
}
