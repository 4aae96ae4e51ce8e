package dev.lectavera.auth.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A token whose jti is on the revocation list does not authenticate (401), as at the gateway. */
@ApplicationScoped
public class RevokedTokenAugmentor implements SecurityIdentityAugmentor {

    private final RevocationList revocationList;

    RevokedTokenAugmentor(RevocationList revocationList) {
        this.revocationList = revocationList;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String jti = token.getTokenID();
        if (jti == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Token has no jti"));
        }
        return revocationList.isRevoked(jti).map(revoked -> {
            if (revoked) {
                throw new AuthenticationFailedException("Token has been revoked");
            }
            return identity;
        });
    }
}
