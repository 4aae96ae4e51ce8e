package dev.lectavera.kit.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Is this access token revoked? Answered from this process's {@link RevocationMirror}: its {@code jti} on the list, or
 * issued before its user's mark. No Redis call per request; with Redis down the last known list still holds.
 */
@ApplicationScoped
public class RevocationCheck {

    private final RevocationMirror mirror;

    RevocationCheck(RevocationMirror mirror) {
        this.mirror = mirror;
    }

    public boolean isRevoked(String jti, String userId, long issuedAtSeconds) {
        return mirror.isRevoked(jti, userId, issuedAtSeconds);
    }

    public boolean isRevoked(JsonWebToken token) {
        return mirror.isRevoked(token.getTokenID(), token.getSubject(), token.getIssuedAtTime());
    }
}
