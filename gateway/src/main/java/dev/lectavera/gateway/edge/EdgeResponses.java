package dev.lectavera.gateway.edge;

import dev.lectavera.gateway.ratelimit.Admission;
import dev.lectavera.gateway.security.TokenRejectedException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * What the edge writes on every request it handles itself or passes on: the request id, the removal of headers a
 * client must never set, the rate-limit headers, and its own 401 and 429 answers. Shared by the proxied routes
 * ({@link EdgeHandler}) and the gateway's own endpoint ({@link RateLimitStatusEndpoint}).
 */
public final class EdgeResponses {

    private static final Logger LOG = Logger.getLogger(EdgeResponses.class);

    /**
     * Once set by the gateway from the token's {@code sub}; no service reads it (they take the user from the token
     * they verify again). Still removed from every incoming request, so a later reader can never be handed a
     * client's forgery.
     */
    public static final String USER_ID_HEADER = "X-LectaVera-User-Id";

    /** Header names as Netty keeps them, hashed once: these are set or removed on every request. */
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
    private static final CharSequence USER_ID = HttpHeaders.createOptimized(USER_ID_HEADER);
    private static final CharSequence LIMIT = HttpHeaders.createOptimized("X-RateLimit-Limit");
    private static final CharSequence REMAINING = HttpHeaders.createOptimized("X-RateLimit-Remaining");
    private static final CharSequence RESET = HttpHeaders.createOptimized("X-RateLimit-Reset");
    private static final CharSequence WWW_AUTHENTICATE = HttpHeaders.createOptimized("WWW-Authenticate");
    private static final String CHALLENGE = "Bearer realm=\"lectavera\"";

    private EdgeResponses() {
    }

    /** Request id in, out and in the log context; the client's copy of the user-id header removed. */
    public static void prepare(HttpServerRequest request) {
        String requestId = RequestIds.acceptOrCreate(request.getHeader(REQUEST_ID));
        MultiMap headers = request.headers();
        headers.set(REQUEST_ID, requestId);
        headers.remove(USER_ID);
        request.response().putHeader(REQUEST_ID, requestId);
        MDC.put("requestId", requestId);
    }

    /** Sets the rate-limit headers; answers 429 itself and returns false when the request must stop here. */
    public static boolean passes(HttpServerRequest request, Admission decision) {
        if (decision.hasLimitHeaders()) {
            HttpServerResponse response = request.response();
            response.putHeader(LIMIT, Integer.toString(decision.limit()));
            response.putHeader(REMAINING, Integer.toString(decision.remaining()));
            response.putHeader(RESET, Long.toString(decision.resetSeconds()));
        }
        if (decision.outcome() == Admission.Outcome.LIMITED) {
            long retryAfter = decision.retryAfterSeconds();
            request.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            String label = decision.rateClass().label();
            LOG.debugf("429 %s %s (%s class)", request.method(), request.path(), label);
            Problems.send(request, 429, "Too Many Requests", "Rate limit of the " + label
                    + " class reached (" + decision.limit() + " requests); retry in " + retryAfter + " s.");
            return false;
        }
        return true;
    }

    /** A failed token verification: 401 naming the reason (or a generic one when verification itself broke). */
    public static void rejectToken(HttpServerRequest request, Throwable cause) {
        if (cause instanceof TokenRejectedException rejected) {
            unauthorized(request, rejected.getMessage(), true);
        } else {
            LOG.warn("Token verification failed unexpectedly", cause);
            unauthorized(request, "token cannot be verified", true);
        }
    }

    /** 401 problem+json with the bearer challenge ({@code error="invalid_token"} when a token was sent). */
    public static void unauthorized(HttpServerRequest request, String detail, boolean invalidToken) {
        LOG.debugf("401 %s %s: %s", request.method(), request.path(), detail);
        request.response().putHeader(WWW_AUTHENTICATE, invalidToken
                ? CHALLENGE + ", error=\"invalid_token\", error_description=\"" + detail + "\""
                : CHALLENGE);
        Problems.send(request, 401, "Unauthorized", detail);
    }
}
