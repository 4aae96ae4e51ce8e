package dev.lectavera.gateway.edge;

import dev.lectavera.gateway.ratelimit.AdmissionControl;
import dev.lectavera.gateway.ratelimit.RateCharge;
import dev.lectavera.gateway.ratelimit.RateClass;
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

    private final BearerAuthentication authentication;
    private final AdmissionControl admission;
    private final RateSubjects subjects;

    RateLimitStatusEndpoint(BearerAuthentication authentication, AdmissionControl admission, RateSubjects subjects) {
        this.authentication = authentication;
        this.admission = admission;
        this.subjects = subjects;
    }

    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        EdgeResponses.prepare(request);
        ContextInternal context = (ContextInternal) rc.vertx().getOrCreateContext();
        authentication.authenticate(context, request, false, (rawToken, token) -> {
            RateCharge[] charges = {new RateCharge(RateClass.DEFAULT, RateSubjects.user(token))};
            admission.admit(context, charges).onComplete(decided -> {
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
