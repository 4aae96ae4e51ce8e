package dev.lectavera.kit.revocation;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token that is revoked (its jti, or its user's "issued before" mark) does not authenticate: 401, as at
 * the gateway. The services check again because a service must not trust that every request came through the
 * gateway. Checked on every request, also when the token's verification was remembered
 * ({@link dev.lectavera.kit.token.VerifiedTokens}), so a revocation is refused at once.
 */
@ApplicationScoped
public class RevokedTokenAugmentor implements SecurityIdentityAugmentor {

    private final RevocationCheck check;

    RevokedTokenAugmentor(RevocationCheck check) {
        this.check = check;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (check.isRevoked(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Token has been revoked"));
        }
        return Uni.createFrom().item(identity);
    }
}
