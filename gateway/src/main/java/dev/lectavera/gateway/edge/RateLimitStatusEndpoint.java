package dev.lectavera.gateway.edge;

import dev.lectavera.gateway.ratelimit.AdmissionControl;
import dev.lectavera.gateway.ratelimit.RateCharge;
import dev.lectavera.gateway.ratelimit.RateClass;
import dev.lectavera.gateway.security.BearerTokens;
import dev.lectavera.gateway.security.TokenVerifier;
import dev.lectavera.gateway.security.VerifiedToken;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code GET /api/v1/users/rate-limit-status}, answered by the gateway: the caller's state in every rate class,
 * without consuming anything there. It needs a valid, unrevoked token, and the call itself counts in the default
 * class.
 */
@ApplicationScoped
public class RateLimitStatusEndpoint {

    public static final String PATH = "/api/v1/users/rate-limit-status";

    private final TokenVerifier verifier;
    private final AdmissionControl admission;
    private final RateSubjects subjects;

    RateLimitStatusEndpoint(TokenVerifier verifier, AdmissionControl admission, RateSubjects subjects) {
        this.verifier = verifier;
        this.admission = admission;
        this.subjects = subjects;
    }

    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        EdgeResponses.prepare(request);
        ContextInternal context = (ContextInternal) rc.vertx().getOrCreateContext();
        BearerTokens.Found found = BearerTokens.find(request, false);
        if (found == null) {
            EdgeResponses.unauthorized(request, "missing bearer token", false);
            return;
        }
        verifier.verify(context, found.token()).onComplete(verified -> {
            if (verified.failed()) {
                EdgeResponses.rejectToken(request, verified.cause());
                return;
            }
            VerifiedToken token = verified.result();
            RateCharge[] charges = {new RateCharge(RateClass.DEFAULT, RateSubjects.user(token))};
            admission.admit(context, charges, token).onComplete(decided -> {
                if (!EdgeResponses.passes(request, decided.result())) {
                    return;
                }
                admission.status(context, subjects.allOf(request, token)).onComplete(status -> request.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(Json.encodeToBuffer(status.result())));
            });
        });
    }
}
