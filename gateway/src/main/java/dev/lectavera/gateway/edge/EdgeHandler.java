package dev.lectavera.gateway.edge;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.proxy.Upstream;
import dev.lectavera.gateway.ratelimit.Admission;
import dev.lectavera.gateway.ratelimit.AdmissionControl;
import dev.lectavera.gateway.ratelimit.RateCharge;
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

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What happens to every request before it reaches a service, in this order: the path is screened and
 * normalised once ({@link EdgePath}; everything after works on that one reading), request id, strip the
 * forgeable user-id header, classify (public? which rate class?), verify the token, check revocation
 * and the rate limits in one Redis round trip, set {@code X-LectaVera-User-Id} from the token's
 * {@code sub}, then stream the request, with the normalised path, to the upstream. The request body stays
 * paused until then, so a refused request costs no body transfer.
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
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String CHALLENGE = "Bearer realm=\"lectavera\"";
    private static final IllegalStateException BODY_TOO_LARGE = new IllegalStateException("body too large");

    private final TokenVerifier verifier;
    private final AdmissionControl admission;
    private final RouteRules rules;
    private final ClientAddress clientAddress;
    private final boolean limiting;
    private final int authBodyLimit;

    EdgeHandler(TokenVerifier verifier, AdmissionControl admission, RouteRules rules, GatewayConfig config) {
        this.verifier = verifier;
        this.admission = admission;
        this.rules = rules;
        this.clientAddress = new ClientAddress(config.clientAddress().trustedProxies().orElse(List.of()));
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
        prepare(request);
        LOG.debugf("400 %s: %s", request.method(), problem);
        Problems.send(request, 400, "Bad Request", problem);
        return null;
    }

    /** Nothing is routed here (also {@code /q/*} when the operator endpoints live on the management port). */
    public void notFound(RoutingContext rc) {
        prepare(rc.request());
        Problems.send(rc.request(), 404, "Not Found", "No API endpoint at this path.");
    }

    /**
     * Every proxied request. {@code maxBodySize}: the route's largest declared request body; {@code path}: the
     * normalised path ({@link #acceptedPath}), which is also the path the upstream is asked for.
     */
    public void proxy(RoutingContext rc, Upstream upstream, long maxBodySize, String path) {
        HttpServerRequest request = rc.request();
        request.pause();
        prepare(request);
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
            admitAnonymous(context, request, path, rateClass, upstream, forwardUri);
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
            admission.admit(context, chargesOf(request, rateClass, token), token).onComplete(decided -> {
                if (!passes(request, decided.result()) || request.response().closed()) {
                    return; // answered here, or the client has already gone
                }
                MultiMap headers = request.headers();
                headers.set(USER_ID_HEADER, token.subject());
                // The services verify the token again: exactly one Authorization, the verified token, whichever way
                // the client sent it (a second Authorization line could otherwise carry another token).
                headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + found.token());
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
                upstream.tunnel(request, withToken(path, query, found.token()), BearerTokens.offersBearer(offered));
            });
        });
    }

    /** The buckets of an authenticated request: its class per user, or for the password-confirming routes per address + account. */
    private RateCharge[] chargesOf(HttpServerRequest request, RateClass rateClass, VerifiedToken token) {
        if (rateClass != RateClass.AUTH) {
            return new RateCharge[]{new RateCharge(rateClass, userSubject(token))};
        }
        String ip = ipSubject(request);
        return new RateCharge[]{new RateCharge(RateClass.AUTH, ip + accountSuffix(token)), new RateCharge(RateClass.AUTH_IP, ip)};
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
            RateCharge[] charges = {new RateCharge(RateClass.DEFAULT, userSubject(token))};
            admission.admit(context, charges, token).onComplete(decided -> {
                if (!passes(request, decided.result())) {
                    return;
                }
                String ip = ipSubject(request);
                String[] subjects = new String[RateClass.values().length];
                for (RateClass rateClass : RateClass.values()) {
                    subjects[rateClass.ordinal()] = switch (rateClass) {
                        case AUTH -> ip + accountSuffix(token);
                        case AUTH_IP, REGISTER -> ip;
                        default -> userSubject(token);
                    };
                }
                admission.status(context, subjects).onComplete(status -> request.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(Json.encodeToBuffer(status.result())));
            });
        });
    }

    /**
     * Anonymous routes, per client address. The auth routes are charged to two buckets (address + email, and the
     * address over all emails), registrations to a third (the address's registrations).
     */
    private void admitAnonymous(ContextInternal context, HttpServerRequest request, String path, RateClass rateClass,
                                Upstream upstream, String forwardUri) {
        String ip = ipSubject(request);
        if (rateClass != RateClass.AUTH) {
            admit(context, request, new RateCharge[]{new RateCharge(rateClass, ip)}, upstream, forwardUri, null);
            return;
        }
        boolean registration = rules.isRegistration(request.method(), path);
        if (!limiting || !rules.bodyNamesAccount(path)) {
            admit(context, request, authCharges(ip, "", registration), upstream, forwardUri, null);
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
            admit(context, request, authCharges(ip, accountSuffix(emailIn(body)), registration), upstream, forwardUri, body);
        });
    }

    private static RateCharge[] authCharges(String ip, String accountSuffix, boolean registration) {
        RateCharge perAccount = new RateCharge(RateClass.AUTH, ip + accountSuffix);
        RateCharge perAddress = new RateCharge(RateClass.AUTH_IP, ip);
        return registration
                ? new RateCharge[]{perAccount, perAddress, new RateCharge(RateClass.REGISTER, ip)}
                : new RateCharge[]{perAccount, perAddress};
    }

    private void admit(ContextInternal context, HttpServerRequest request, RateCharge[] charges, Upstream upstream,
                       String forwardUri, Buffer body) {
        admission.admit(context, charges, null).onComplete(decided -> {
            if (passes(request, decided.result())) {
                upstream.forward(request, forwardUri, body);
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
    private static boolean passes(HttpServerRequest request, Admission decision) {
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
            String label = decision.rateClass().label();
            LOG.debugf("429 %s %s (%s class)", request.method(), request.path(), label);
            Problems.send(request, 429, "Too Many Requests", "Rate limit of the " + label
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

    /**
     * The URI for the upstream of a WebSocket upgrade: the normalised path, the client's query without any
     * parameter whose decoded name is {@code token} (so {@code %74oken} or {@code tok%65n} smuggle nothing; a name
     * that cannot be decoded is dropped too), and one {@code token}: the verified token. {@code &} and {@code ;}
     * both separate parameters, as for Vert.x.
     */
    static String withToken(String path, String query, String token) {
        StringBuilder rebuilt = new StringBuilder(path.length() + token.length() + 8 + (query == null ? 0 : query.length()))
                .append(path).append('?');
        if (query != null) {
            int start = 0;
            while (start <= query.length()) {
                int end = nextSeparator(query, start);
                String parameter = query.substring(start, end);
                if (!parameter.isEmpty() && !namesToken(parameter)) {
                    rebuilt.append(parameter).append('&');
                }
                start = end + 1;
            }
        }
        return rebuilt.append("token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8)).toString();
    }

    private static int nextSeparator(String query, int from) {
        for (int i = from; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '&' || c == ';') {
                return i;
            }
        }
        return query.length();
    }

    private static boolean namesToken(String parameter) {
        int equals = parameter.indexOf('=');
        String rawName = equals < 0 ? parameter : parameter.substring(0, equals);
        try {
            return URLDecoder.decode(rawName, StandardCharsets.UTF_8).trim().equalsIgnoreCase("token");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return request.method() == HttpMethod.GET && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    private static String userSubject(VerifiedToken token) {
        return "u:" + token.subject();
    }

    /**
     * The client address ({@link ClientAddress}: {@code X-Forwarded-For} only from a trusted proxy). Computed only
     * for the requests limited per address, so a plain authenticated request never pays for it.
     */
    private String ipSubject(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String peer = remote == null ? null : remote.hostAddress();
        List<String> forwardedFor = clientAddress.trustsAnyProxy() ? request.headers().getAll(FORWARDED_FOR) : List.of();
        return "ip:" + clientAddress.resolve(peer, forwardedFor);
    }

    /** The account of a token within an address's auth bucket: its email as for login, else its user id. */
    private static String accountSuffix(VerifiedToken token) {
        String byEmail = accountSuffix(token.email());
        return byEmail.isEmpty() ? ":u:" + token.subject() : byEmail;
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
