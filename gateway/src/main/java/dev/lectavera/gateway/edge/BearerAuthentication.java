package dev.lectavera.gateway.edge;

import dev.lectavera.gateway.security.BearerTokens;
import dev.lectavera.gateway.security.RevocationMirror;
import dev.lectavera.gateway.security.TokenVerifier;
import dev.lectavera.gateway.security.VerifiedToken;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The first step of every authenticated request at the edge: find the one bearer token (header, or for an upgrade
 * also {@code ?token=} / subprotocol), verify it and check it against the revocation list mirrored in memory
 * ({@link RevocationMirror}: its jti, its user's "issued before" mark). A missing, invalid or revoked token is answered
 * here with a 401 problem; only a verified, unrevoked one goes on.
 */
@ApplicationScoped
public class BearerAuthentication {

    /** What comes after a verified token: the token as the client sent it, and its verified claims. */
    @FunctionalInterface
    public interface Next {
        void proceed(String rawToken, VerifiedToken token);
    }

    private final TokenVerifier verifier;
    private final RevocationMirror revocations;

    BearerAuthentication(TokenVerifier verifier, RevocationMirror revocations) {
        this.verifier = verifier;
        this.revocations = revocations;
    }

    public void authenticate(ContextInternal context, HttpServerRequest request, boolean webSocket, Next next) {
        BearerTokens.Found found = BearerTokens.find(request, webSocket);
        if (found == null) {
            EdgeResponses.unauthorized(request, "missing bearer token", false);
            return;
        }
        verifier.verify(context, found.token()).onComplete(verified -> {
            if (verified.failed()) {
                EdgeResponses.rejectToken(request, verified.cause());
                return;
            }
            if (revocations.isRevoked(verified.result())) {
                EdgeResponses.unauthorized(request, "token revoked", true);
                return;
            }
            next.proceed(found.token(), verified.result());
        });
    }
}
