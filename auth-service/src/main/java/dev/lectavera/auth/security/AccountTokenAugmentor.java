package dev.lectavera.auth.security;

import dev.lectavera.auth.repository.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * auth-service's own, durable check of account-wide revocation: a token of a user that no longer exists, or issued
 * before the user's {@code tokens_valid_after} mark (password change or reset), does not authenticate (401). The
 * service-kit augmentor checks the same mark and logged-out jtis in Redis; this one keeps working when Redis is
 * down or has lost its keys, since the database is the mark's home.
 */
@ApplicationScoped
public class AccountTokenAugmentor implements SecurityIdentityAugmentor {

    private final UserRepository users;

    AccountTokenAugmentor(UserRepository users) {
        this.users = users;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (!isCurrent(token)) {
                throw new AuthenticationFailedException("Token revoked with its account");
            }
            return identity;
        });
    }

    private boolean isCurrent(JsonWebToken token) {
        UUID userId;
        try {
            userId = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        long issuedAt = token.getIssuedAtTime();
        return QuarkusTransaction.requiringNew().call(() -> users.findByIdOptional(userId)
                .map(user -> !user.isTokenRevoked(issuedAt))
                .orElse(false));
    }
}
