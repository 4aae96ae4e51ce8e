package dev.lectavera.gateway.security;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.log.ThrottledWarning;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.auth.principal.UnmatchedTokenKidException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies access tokens with SmallRye JWT ({@link JWTParser}, configured by {@code mp.jwt.verify.*}: issuer
 * {@code lectavera-auth}, audience {@code lectavera-api}, RS256 only, key from {@code mp.jwt.verify.publickey.location}).
 * <p>
 * Parsing may block (the first JWKS download, a JWKS refresh), so it never runs on the event loop:
 * a token not seen before is verified on a worker thread. A verified token is then remembered under
 * its exact text (as in the services' {@code VerifiedTokens}: any other text is another key) until the earlier of
 * its expiry and {@code gateway.jwt.cache-ttl}, so the hot path of a known token is a map lookup. Not under a
 * SHA-256 of it: that digest, on every request, cost more than the lookup it keyed (docs/PERFORMANCE.md); the
 * memory is bounded by {@code gateway.jwt.cache-max-entries} × the token's length (8 KB at most, ~1 KB in practice).
 * Concurrent requests with the same new token share one verification. Revocation is not cached: it
 * is checked in Redis on every request. Cheap structural checks
 * (size, three parts, {@code alg} = RS256 in the header) run first on the event loop, so junk,
 * {@code alg: none} and HS256 tokens never cost a worker hop.
 * <p>
 * Unlike the services (60 s clock skew), the gateway refuses a token from the moment it expires.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);
    private static final int MAX_TOKEN_LENGTH = 8192;
    private static final int MAX_CLAIM_LENGTH = 128;
    private static final TokenRejectedException EXPIRED = new TokenRejectedException("token expired");
    private static final TokenRejectedException MALFORMED = new TokenRejectedException("malformed token");
    private static final TokenRejectedException WRONG_ALGORITHM = new TokenRejectedException("token algorithm must be RS256");

    private record Remembered(VerifiedToken token, long validUntilMillis) {
    }

    private final JWTParser parser;
    private final Vertx vertx;
    private final long cacheTtlMillis;
    private final int cacheMaxEntries;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Future<VerifiedToken>> inFlight = new ConcurrentHashMap<>();
    private final ThrottledWarning keyWarning = new ThrottledWarning(LOG, Duration.ofSeconds(30));
    private long sweepTimer = -1;

    TokenVerifier(JWTParser parser, Vertx vertx, GatewayConfig config) {
        this.parser = parser;
        this.vertx = vertx;
        this.cacheTtlMillis = config.jwt().cacheTtl().toMillis();
        this.cacheMaxEntries = config.jwt().cacheMaxEntries();
    }

    void start(@Observes StartupEvent event) {
        sweepTimer = vertx.setPeriodic(Math.max(1_000, Math.min(cacheTtlMillis, 30_000)), id -> sweep());
    }

    void stop(@Observes ShutdownEvent event) {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    /** Completes on {@code context}; fails with {@link TokenRejectedException} when the token is not acceptable. */
    public Future<VerifiedToken> verify(ContextInternal context, String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return context.failedFuture(MALFORMED);
        }
        long now = System.currentTimeMillis();
        Remembered known = remembered.get(token);
        if (known != null) {
            if (now < known.validUntilMillis()) {
                return context.succeededFuture(known.token());
            }
            remembered.remove(token, known);
            if (now >= known.token().expiresAtMillis()) {
                return context.failedFuture(EXPIRED);
            }
        }
        TokenRejectedException early = precheck(token);
        if (early != null) {
            return context.failedFuture(early);
        }
        // A client's burst right after login arrives with one new token: verify it once, not once per request.
        Future<VerifiedToken> verification = inFlight.get(token);
        if (verification == null) {
            Future<VerifiedToken> started = context.executeBlocking(() -> parse(token), false);
            verification = inFlight.putIfAbsent(token, started);
            if (verification == null) {
                verification = started;
                started.onComplete(done -> {
                    if (done.succeeded()) {
                        remember(token, done.result());
                    }
                    inFlight.remove(token, started);
                });
            }
        }
        Promise<VerifiedToken> answer = context.promise();
        verification.onComplete(answer);
        return answer.future();
    }

    /** Entries currently remembered (for tests and metrics). */
    public int rememberedCount() {
        return remembered.size();
    }

    private VerifiedToken parse(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new TokenRejectedException(describe(e));
        }
        String subject = jwt.getSubject();
        if (!isSafeHeaderValue(subject)) {
            throw new TokenRejectedException("token has no usable subject");
        }
        String tokenId = jwt.getTokenID();
        if (!isSafeHeaderValue(tokenId)) {
            throw new TokenRejectedException("token has no usable jti");
        }
        long expiresAtMillis = jwt.getExpirationTime() * 1_000;
        if (System.currentTimeMillis() >= expiresAtMillis) {
            throw EXPIRED;
        }
        Object email = jwt.getClaim("email");
        if (!(email instanceof String)) {
            email = jwt.getClaim("upn");
        }
        Object issuedAt = jwt.getClaim(Claims.iat.name());
        return new VerifiedToken(subject, tokenId, email instanceof String s ? s : null, expiresAtMillis,
                issuedAt instanceof Number seconds ? seconds.longValue() : 0);
    }

    private void remember(String key, VerifiedToken verified) {
        if (remembered.size() < cacheMaxEntries) {
            long until = Math.min(verified.expiresAtMillis(), System.currentTimeMillis() + cacheTtlMillis);
            remembered.put(key, new Remembered(verified, until));
        }
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        remembered.values().removeIf(entry -> entry.validUntilMillis() <= now);
    }

    private String describe(ParseException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return EXPIRED.getMessage();
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "token not issued by the expected issuer";
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "token not meant for this API (audience)";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
                    return "invalid token signature";
                }
            }
            if (cause instanceof UnmatchedTokenKidException) {
                return "token signed with an unknown key";
            }
            if (cause instanceof UnresolvableKeyException) {
                // Our side: the key source (auth-service's JWKS) is unreachable or unreadable.
                keyWarning.warn("Cannot load the token verification key (mp.jwt.verify.publickey.location)", cause);
                return "token cannot be verified";
            }
        }
        return "invalid token";
    }

    /** Three dot-separated parts, a JSON header naming RS256, a signature; anything else is refused without parsing. */
    static TokenRejectedException precheck(String token) {
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || secondDot == firstDot + 1 || token.indexOf('.', secondDot + 1) >= 0) {
            return MALFORMED;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(token.substring(0, firstDot));
            Object alg = new JsonObject(new String(header, StandardCharsets.UTF_8)).getValue("alg");
            if (!"RS256".equals(alg)) {
                return WRONG_ALGORITHM;
            }
        } catch (RuntimeException e) {
            return MALFORMED;
        }
        return secondDot == token.length() - 1 ? MALFORMED : null;
    }

    private static boolean isSafeHeaderValue(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_CLAIM_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 127) {
                return false;
            }
        }
        return true;
    }
}
