package dev.lectavera.gateway.proxy;

import dev.lectavera.gateway.edge.Problems;
import dev.lectavera.gateway.log.ThrottledWarning;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * One upstream's failures as both of its paths (proxied HTTP and WebSocket tunnel) see them: its circuit breaker,
 * a throttled warning per failure, and the 503 problem the client gets instead.
 */
final class UpstreamFailures {

    private static final Logger LOG = Logger.getLogger(Upstream.class);

    private final String name;
    private final CircuitBreaker breaker;
    private final ThrottledWarning warning = new ThrottledWarning(LOG, Duration.ofSeconds(10));

    UpstreamFailures(String name, CircuitBreaker breaker) {
        this.name = name;
        this.breaker = breaker;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /** A transport failure (refused, reset, timed out): counted by the breaker, logged at most every 10 s. */
    void failed(Throwable cause) {
        if (breaker.onFailure()) {
            LOG.warnf("Circuit to %s opened after repeated failures (%s)", name, cause.toString());
        } else {
            warning.warn("Upstream " + name + " failed", cause);
        }
    }

    String unavailableDetail(boolean circuitOpen) {
        return circuitOpen
                ? "The " + name + " service is failing; requests to it are paused for a few seconds (circuit open)."
                : "The " + name + " service did not answer in time or could not be reached.";
    }

    String retryAfterSeconds() {
        return Long.toString(breaker.secondsUntilTrial());
    }

    /** Answers the request itself with 503 problem+json ({@code Retry-After} when the circuit is open). */
    void sendUnavailable(HttpServerRequest request, boolean circuitOpen) {
        if (circuitOpen) {
            request.response().putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds());
        }
        Problems.send(request, 503, "Service Unavailable", unavailableDetail(circuitOpen));
    }
}
