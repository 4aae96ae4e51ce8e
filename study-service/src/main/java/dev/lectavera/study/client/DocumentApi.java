package dev.lectavera.study.client;

import dev.lectavera.study.service.StudyProblem;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * document-service with timeouts, retries and a circuit breaker. A 4xx comes back as {@link DocumentRejected}
 * (the caller decides: 404 means "not this user's document"); an outage ends in a 503 problem — never in a
 * made-up answer.
 */
@ApplicationScoped
public class DocumentApi {

    private static final Logger LOG = Logger.getLogger(DocumentApi.class);

    private final DocumentClient client;

    DocumentApi(@RestClient DocumentClient client) {
        this.client = client;
    }

    /** @throws DocumentRejected 404 for an unknown or another user's document */
    @Timeout(3_000)
    @Retry(maxRetries = 2, delay = 150, jitter = 100, abortOn = DocumentRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            skipOn = DocumentRejected.class)
    @Fallback(fallbackMethod = "documentUnavailable", skipOn = DocumentRejected.class)
    public DocumentInfo document(String accessToken, UUID id) {
        try {
            return client.get(bearer(accessToken), id);
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    /** Passages of the given documents, best first. {@code documentIds} must not be empty. */
    @Timeout(15_000)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = DocumentRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            skipOn = DocumentRejected.class)
    @Fallback(fallbackMethod = "searchUnavailable", skipOn = DocumentRejected.class)
    public List<SearchResults.Result> search(String accessToken, String query, List<UUID> documentIds, int topK) {
        if (documentIds.isEmpty()) {
            throw new IllegalArgumentException("an empty document list would search all the user's documents");
        }
        try {
            SearchResults results = client.search(bearer(accessToken), new SearchQuery(query, documentIds, topK));
            return results == null || results.results() == null ? List.of() : results.results();
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    DocumentInfo documentUnavailable(String accessToken, UUID id, Throwable failure) {
        LOG.warnf("document-service unavailable (document %s): %s", id, failure.toString());
        throw StudyProblem.documentsUnavailable(describe(failure));
    }

    List<SearchResults.Result> searchUnavailable(String accessToken, String query, List<UUID> documentIds, int topK,
                                                 Throwable failure) {
        LOG.warnf("document-service unavailable (search): %s", failure.toString());
        throw StudyProblem.documentsUnavailable(describe(failure));
    }

    private static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }

    /** 4xx → DocumentRejected; anything else stays a failure (retried, counted by the breaker). */
    static RuntimeException classify(RuntimeException e) {
        int status = -1;
        if (e instanceof WebApplicationException web && web.getResponse() != null) {
            status = web.getResponse().getStatus();
        } else if (e instanceof HttpProblem problem) {
            status = problem.getStatusCode();
        }
        if (status >= 400 && status < 500) {
            return new DocumentRejected(status, e.getMessage());
        }
        return e;
    }

    private static String describe(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        return name.contains("CircuitBreakerOpen") ? "circuit open" : name.contains("Timeout") ? "timeout"
                : "unreachable or failing";
    }
}
