package dev.lectavera.gateway.edge;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.proxy.Upstream;
import dev.lectavera.gateway.ratelimit.Admission;
import dev.lectavera.gateway.ratelimit.AdmissionControl;
import dev.lectavera.gateway.ratelimit.RateClass;
import dev.lectavera.gateway.security.BearerTokens;
import dev.lectavera.gateway.security.TokenRejectedException;
import dev.lectavera.gateway.security.TokenVerifier;
import dev.lectavera.gateway.security.VerifiedToken;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What happens to every request before it reaches a service, in this order: request id, strip the
 * forgeable user-id header, classify (public? which rate class?), verify the token, check revocation
 * and the rate limit in one Redis round trip, set {@code X-LectaVera-User-Id} from the token's
 * {@code sub}, then stream the request to the upstream. The request body stays paused until then,
 * so a refused request costs no body transfer.
 */
@ApplicationScoped
public class EdgeHandler {

    private static final Logger LOG = Logger.getLogger(EdgeHandler.class);

    public static final String USER_ID_HEADER = "X-LectaVera-User-Id";
    public static final String RATE_LIMIT_STATUS_PATH = "/api/v1/users/rate-limit-status";

    private static final CharSequence LIMIT = HttpHeaders.createOptimized("X-RateLimit-Limit");
    private static final CharSequence REMAINING = HttpHeaders.createOptimized("X-RateLimit-Remaining");
    private static final CharSequence RESET = HttpHeaders.createOptimized("X-RateLimit-Reset");
    private static final CharSequence WWW_AUTHENTICATE = HttpHeaders.createOptimized("WWW-Authenticate");
    private static final String CHALLENGE = "Bearer realm=\"lectavera\"";
    private static final IllegalStateException BODY_TOO_LARGE = new IllegalStateException("body too large");

    private final TokenVerifier verifier;
    private final AdmissionControl admission;
    private final RouteRules rules;
    private final boolean limiting;
    private final int authBodyLimit;

    EdgeHandler(TokenVerifier verifier, AdmissionControl admission, RouteRules rules, GatewayConfig config) {
        this.verifier = verifier;
        this.admission = admission;
        this.rules = rules;
        this.limiting = config.rateLimit().enabled();
        this.authBodyLimit = config.rateLimit().authBodyLimit();
    }

    /** Every proxied route; {@code maxBodySize}: the route's largest declared request body. */
    public void proxy(RoutingContext rc, Upstream upstream, long maxBodySize) {
        HttpServerRequest request = rc.request();
        request.pause();
        prepare(request);
        if (declaredLength(request) > maxBodySize) {
            Problems.send(request, 413, "Payload Too Large", Problems.bodyOverLimit(maxBodySize));
            return;
        }
        String path = RouteRules.normalise(rc.normalizedPath());
        boolean webSocket = isWebSocketUpgrade(request);
        RateClass rateClass = rules.classify(request.method(), path, webSocket);
        ContextInternal context = (ContextInternal) rc.vertx().getOrCreateContext();

        if (!webSocket && rules.isPublic(request.method(), path)) {
            admitAnonymous(context, request, path, rateClass, upstream);
            return;
        }
        BearerTokens.Found found = BearerTokens.find(request, webSocket);
        if (found == null) {
            unauthorized(request, "missing bearer token", false);
            return;
        }
        verifier.verify(context, found.token()).onComplete(verified -> {
            if (verified.failed()) {
                rejectToken(request, verified.cause());
                return;
            }
            VerifiedToken token = verified.result();
            admission.admit(context, rateClass, userSubject(token), token.tokenId()).onComplete(decided -> {
                if (!passes(request, rateClass, decided.result()) || request.response().closed()) {
                    return; // answered here, or the client has already gone
                }
                MultiMap headers = request.headers();
                headers.set(USER_ID_HEADER, token.subject());
                if (!webSocket) {
                    upstream.forward(request, null);
                    return;
                }
                // The services verify the token again: hand it to them as a header and as the ?token= that
                // study-service reads on upgrades, whichever way the client sent it (and only the verified one).
                if (found.source() != BearerTokens.Source.AUTHORIZATION) {
                    headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + found.token());
                }
                if (found.source() == BearerTokens.Source.SUBPROTOCOL) {
                    headers.set("Sec-WebSocket-Protocol", found.otherSubprotocols());
                }
                upstream.tunnel(request, withToken(request.uri(), found.token()),
                        found.source() == BearerTokens.Source.SUBPROTOCOL);
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

    /** {@code GET /api/v1/users/rate-limit-status}: answered by the gateway; the call itself counts in the default class. */
    public void rateLimitStatus(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        prepare(request);
        ContextInternal context = (ContextInternal) rc.vertx().getOrCreateContext();
        BearerTokens.Found found = BearerTokens.find(request, false);
        if (found == null) {
            unauthorized(request, "missing bearer token", false);
            return;
        }
        verifier.verify(context, found.token()).onComplete(verified -> {
            if (verified.failed()) {
                rejectToken(request, verified.cause());
                return;
            }
            VerifiedToken token = verified.result();
            admission.admit(context, RateClass.DEFAULT, userSubject(token), token.tokenId()).onComplete(decided -> {
                if (!passes(request, RateClass.DEFAULT, decided.result())) {
                    return;
                }
                String authSubject = ipSubject(request) + (token.email() == null ? "" : accountSuffix(token.email()));
                admission.status(context, userSubject(token), authSubject).onComplete(status -> request.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(Json.encodeToBuffer(status.result())));
            });
        });
    }

    private void admitAnonymous(ContextInternal context, HttpServerRequest request, String path, RateClass rateClass,
                                Upstream upstream) {
        if (limiting && rateClass == RateClass.AUTH && rules.bodyNamesAccount(path)) {
            // Login, register, forgot-password: the limit is per IP + email, and the email is in the body.
            readSmallBody(context, request).onComplete(read -> {
                if (read.failed()) {
                    Problems.send(request, 413, "Payload Too Large",
                            "An authentication request body may not exceed " + authBodyLimit + " bytes.");
                    return;
                }
                Buffer body = read.result();
                String subject = ipSubject(request) + accountSuffix(emailIn(body));
                admission.admit(context, rateClass, subject, null).onComplete(decided -> {
                    if (passes(request, rateClass, decided.result())) {
                        upstream.forward(request, body);
                    }
                });
            });
            return;
        }
        admission.admit(context, rateClass, ipSubject(request), null).onComplete(decided -> {
            if (passes(request, rateClass, decided.result())) {
                upstream.forward(request, null);
            }
        });
    }

    /** Request id in, out and in the log context; the client's copy of the user-id header removed. */
    private static void prepare(HttpServerRequest request) {
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        MultiMap headers = request.headers();
        headers.set(RequestIds.HEADER, requestId);
        headers.remove(USER_ID_HEADER);
        request.response().putHeader(RequestIds.HEADER, requestId);
        MDC.put("requestId", requestId);
    }

    /** Sets the rate-limit headers; answers 401/429 itself and returns false when the request must stop here. */
    private static boolean passes(HttpServerRequest request, RateClass rateClass, Admission decision) {
        if (decision.outcome() == Admission.Outcome.REVOKED) {
            unauthorized(request, "token revoked", true);
            return false;
        }
        if (decision.hasLimitHeaders()) {
            HttpServerResponse response = request.response();
            response.putHeader(LIMIT, Integer.toString(decision.limit()));
            response.putHeader(REMAINING, Integer.toString(decision.remaining()));
            response.putHeader(RESET, Long.toString(decision.resetSeconds()));
        }
        if (decision.outcome() == Admission.Outcome.LIMITED) {
            long retryAfter = decision.retryAfterSeconds();
            request.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            LOG.debugf("429 %s %s (%s class)", request.method(), request.path(), rateClass.label());
            Problems.send(request, 429, "Too Many Requests", "Rate limit of the " + rateClass.label()
                    + " class reached (" + decision.limit() + " requests); retry in " + retryAfter + " s.");
            return false;
        }
        return true;
    }

    private static void rejectToken(HttpServerRequest request, Throwable cause) {
        if (cause instanceof TokenRejectedException rejected) {
            unauthorized(request, rejected.getMessage(), true);
        } else {
            LOG.warn("Token verification failed unexpectedly", cause);
            unauthorized(request, "token cannot be verified", true);
        }
    }

    private static void unauthorized(HttpServerRequest request, String detail, boolean invalidToken) {
        LOG.debugf("401 %s %s: %s", request.method(), request.path(), detail);
        request.response().putHeader(WWW_AUTHENTICATE, invalidToken
                ? CHALLENGE + ", error=\"invalid_token\", error_description=\"" + detail + "\""
                : CHALLENGE);
        Problems.send(request, 401, "Unauthorized", detail);
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

    /** The URI with exactly one {@code token} query parameter: the verified token. */
    static String withToken(String uri, String token) {
        int question = uri.indexOf('?');
        StringBuilder rebuilt = new StringBuilder(uri.length() + token.length() + 8)
                .append(question < 0 ? uri : uri.substring(0, question)).append('?');
        if (question >= 0) {
            for (String parameter : uri.substring(question + 1).split("&")) {
                if (!parameter.isEmpty() && !parameter.equals("token") && !parameter.startsWith("token=")) {
                    rebuilt.append(parameter).append('&');
                }
            }
        }
        return rebuilt.append("token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8)).toString();
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return request.method() == HttpMethod.GET && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    private static String userSubject(VerifiedToken token) {
        return "u:" + token.subject();
    }

    /** The client address as Quarkus resolved it (X-Forwarded-For only from trusted proxies). */
    private static String ipSubject(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String address = remote == null ? null : remote.hostAddress();
        return "ip:" + (address == null ? "unknown" : address);
    }

    /** The JSON body's {@code email}, or null when the body is not JSON or has none. */
    static String emailIn(Buffer body) {
        try {
            Object email = new JsonObject(body).getValue("email");
            return email instanceof String text ? text : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code :e:} and a hash of the normalised email (no addresses in Redis keys); empty when there is none. */
    static String accountSuffix(String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return ":e:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
