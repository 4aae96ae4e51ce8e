package dev.lectavera.gateway.edge;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.proxy.Upstream;
import dev.lectavera.gateway.ratelimit.AdmissionControl;
import dev.lectavera.gateway.ratelimit.RateCharge;
import dev.lectavera.gateway.ratelimit.RateClass;
import dev.lectavera.gateway.security.BearerTokens;
import dev.lectavera.gateway.trace.RequestTrace;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * What happens to every proxied request before it reaches a service, in this order: the path is screened and
 * normalised once ({@link EdgePath}; everything after works on that one reading), request id, strip the
 * forgeable user-id header ({@link EdgeResponses#prepare}), classify (public? which rate class? charged to whom:
 * {@link RateSubjects}), verify the token and check it against the in-memory revocation mirror
 * ({@link BearerAuthentication}), check the rate limits, then
 * stream the request, with the normalised path, the verified token and the gateway's trace context, to the
 * upstream. The request body stays paused until then, so a refused request costs no body transfer.
 */
@ApplicationScoped
public class EdgeHandler {

    private static final Logger LOG = Logger.getLogger(EdgeHandler.class);
    private static final IllegalStateException BODY_TOO_LARGE = new IllegalStateException("body too large");

    private final BearerAuthentication authentication;
    private final AdmissionControl admission;
    private final RouteRules rules;
    private final RateSubjects subjects;
    private final boolean limiting;
    private final int authBodyLimit;

    EdgeHandler(BearerAuthentication authentication, AdmissionControl admission, RouteRules rules, RateSubjects subjects,
                GatewayConfig config) {
        this.authentication = authentication;
        this.admission = admission;
        this.rules = rules;
        this.subjects = subjects;
        this.limiting = config.rateLimit().enabled();
        this.authBodyLimit = config.rateLimit().authBodyLimit();
    }

    /**
     * The request's path as every later step sees it, or null when the path is refused (answered here with a
     * 400 problem): see {@link EdgePath}.
     */
    public String acceptedPath(HttpServerRequest request) {
        String rawPath = request.path();
        String problem = EdgePath.problemIn(rawPath);
        if (problem == null) {
            return EdgePath.normalise(rawPath);
        }
        EdgeResponses.prepare(request);
        LOG.debugf("400 %s: %s", request.method(), problem);
        Problems.send(request, 400, "Bad Request", problem);
        return null;
    }

    /** Nothing is routed here (also {@code /q/*} when the operator endpoints live on the management port). */
    public void notFound(RoutingContext rc) {
        EdgeResponses.prepare(rc.request());
        Problems.send(rc.request(), 404, "Not Found", "No API endpoint at this path.");
    }

    /**
     * Every proxied request. {@code maxBodySize}: the route's largest declared request body; {@code path}: the
     * normalised path ({@link #acceptedPath}), which is also the path the upstream is asked for; {@code trace}: the
     * request's trace, passed on to the upstream.
     */
    public void proxy(RoutingContext rc, Upstream upstream, long maxBodySize, String path, RequestTrace trace) {
        HttpServerRequest request = rc.request();
        request.pause();
        EdgeResponses.prepare(request);
        if (declaredLength(request) > maxBodySize) {
            Problems.send(request, 413, "Payload Too Large", Problems.bodyOverLimit(maxBodySize));
            return;
        }
        boolean webSocket = isWebSocketUpgrade(request);
        RateClass rateClass = rules.classify(request.method(), path, webSocket);
        ContextInternal context = (ContextInternal) rc.vertx().getOrCreateContext();
        String query = request.query();
        String forwardUri = query == null ? path : path + '?' + query;

        if (!webSocket && rules.isPublic(request.method(), path)) {
            admitAnonymous(context, request, path, rateClass, upstream, forwardUri, trace);
            return;
        }
        authentication.authenticate(context, request, webSocket, (rawToken, token) -> {
            admission.admit(context, subjects.chargesOf(request, rateClass, token)).onComplete(decided -> {
                if (!EdgeResponses.passes(request, decided.result()) || request.response().closed()) {
                    return; // answered here, or the client has already gone
                }
                MultiMap headers = request.headers();
                trace.replaceHeaders(headers);
                // The services verify the token again: exactly one Authorization, the verified token, whichever way
                // the client sent it (a second Authorization line could otherwise carry another token).
                headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + rawToken);
                if (!webSocket) {
                    upstream.forward(request, forwardUri, null);
                    return;
                }
                // On upgrades also as the one ?token= that study-service reads; no other token in the query or
                // among the subprotocols reaches the service.
                String offered = BearerTokens.subprotocols(request);
                String scrubbed = BearerTokens.withoutTokens(offered);
                if (scrubbed == null) {
                    headers.remove(BearerTokens.SUBPROTOCOL_HEADER);
                } else {
                    headers.set(BearerTokens.SUBPROTOCOL_HEADER, scrubbed);
                }
                upstream.tunnel(request, BearerTokens.withToken(path, query, rawToken), BearerTokens.offersBearer(offered));
            });
        });
    }

    /** The Content-Length, or -1 when there is none (the HTTP layer has already refused a malformed one). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Anonymous routes, per client address. The auth routes are charged to two buckets (address + email, and the
     * address over all emails), registrations to a third (the address's registrations).
     */
    private void admitAnonymous(ContextInternal context, HttpServerRequest request, String path, RateClass rateClass,
                                Upstream upstream, String forwardUri, RequestTrace trace) {
        String ip = subjects.ip(request);
        if (rateClass != RateClass.AUTH) {
            admit(context, request, new RateCharge[]{new RateCharge(rateClass, ip)}, upstream, forwardUri, null, trace);
            return;
        }
        boolean registration = rules.isRegistration(request.method(), path);
        if (!limiting || !rules.bodyNamesAccount(path)) {
            admit(context, request, RateSubjects.authCharges(ip, "", registration), upstream, forwardUri, null, trace);
            return;
        }
        // Login, register, forgot-password: the email is in the body.
        readSmallBody(context, request).onComplete(read -> {
            if (read.failed()) {
                Problems.send(request, 413, "Payload Too Large",
                        "An authentication request body may not exceed " + authBodyLimit + " bytes.");
                return;
            }
            Buffer body = read.result();
            admit(context, request, RateSubjects.authCharges(ip, RateSubjects.accountSuffix(RateSubjects.emailIn(body)), registration),
                    upstream, forwardUri, body, trace);
        });
    }

    private void admit(ContextInternal context, HttpServerRequest request, RateCharge[] charges, Upstream upstream,
                       String forwardUri, Buffer body, RequestTrace trace) {
        admission.admit(context, charges).onComplete(decided -> {
            if (EdgeResponses.passes(request, decided.result())) {
                trace.replaceHeaders(request.headers());
                upstream.forward(request, forwardUri, body);
            }
        });
    }

    private Future<Buffer> readSmallBody(ContextInternal context, HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !fitsLimit(length)) {
            return context.failedFuture(BODY_TOO_LARGE);
        }
        Promise<Buffer> read = context.promise();
        Buffer body = Buffer.buffer(256);
        request.handler(chunk -> {
            if (body.length() + chunk.length() > authBodyLimit) {
                request.handler(null);
                read.tryFail(BODY_TOO_LARGE);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> read.tryComplete(body));
        request.exceptionHandler(read::tryFail);
        request.resume();
        return read.future();
    }

    private boolean fitsLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) <= authBodyLimit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return request.method() == HttpMethod.GET && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }
}
