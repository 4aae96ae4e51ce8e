package dev.lectavera.auth.service;

import dev.lectavera.auth.model.UserAccount;
import dev.lectavera.auth.repository.UserRepository;
import dev.lectavera.auth.security.AccessTokenIssuer;
import dev.lectavera.auth.security.AccessTokenIssuer.IssuedAccessToken;
import dev.lectavera.auth.security.PasswordHasher;
import dev.lectavera.auth.security.RevocationList;
import dev.lectavera.auth.service.RefreshTokenService.IssuedRefreshToken;
import dev.lectavera.auth.service.RefreshTokenService.Rotation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Login sessions: login, refresh (rotation) and logout. */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final RefreshTokenService refreshTokens;
    private final AccessTokenIssuer accessTokens;
    private final RevocationList revocationList;
    private final Clock clock;

    SessionService(UserRepository users, PasswordHasher hasher, RefreshTokenService refreshTokens,
                   AccessTokenIssuer accessTokens, RevocationList revocationList, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.revocationList = revocationList;
        this.clock = clock;
    }

    /**
     * An unknown email costs the same password work as a wrong password and gets the same answer, so neither the
     * body nor the timing tells whether an account exists.
     */
    public Tokens login(String email, String password) {
        Optional<UserAccount> found = users.findByEmail(email);
        if (found.isEmpty()) {
            hasher.verifyAgainstDecoy(password);
            throw Problems.invalidCredentials();
        }
        UserAccount user = found.get();
        if (!hasher.matches(password, user.getPasswordHash())) {
            throw Problems.invalidCredentials();
        }
        if (hasher.needsRehash(user.getPasswordHash())) {
            upgradeHash(user.getId(), hasher.hash(password));
        }
        IssuedRefreshToken refresh = refreshTokens.startFamily(user.getId());
        return new Tokens(accessTokens.issue(user, refresh.familyId()), refresh);
    }

    public Tokens refresh(String presentedRefreshToken) {
        return switch (refreshTokens.rotate(presentedRefreshToken)) {
            case Rotation.Rotated rotated ->
                    new Tokens(accessTokens.issue(rotated.user(), rotated.successor().familyId()), rotated.successor());
            case Rotation.Rejected rejected -> {
                LOG.debugf("Refresh refused: %s", rejected.reason());
                throw Problems.invalidRefreshToken();
            }
        };
    }

    /**
     * Ends the session of the access token (its refresh-token family), and the family of the refresh token sent
     * along, if it is the caller's; then puts the access token's jti on the revocation list until it expires.
     * Redis being down does not fail the logout.
     */
    public void logout(UUID userId, String jti, Instant accessTokenExpiry, Optional<UUID> sessionFamily,
                       Optional<String> presentedRefreshToken) {
        refreshTokens.revokeSession(userId, sessionFamily, presentedRefreshToken);
        revocationList.revoke(jti, accessTokenExpiry);
    }

    /** Revokes one access token (e.g. the one that deleted its account). Never fails. */
    public void revokeAccessToken(String jti, Instant expiresAt) {
        revocationList.revoke(jti, expiresAt);
    }

    private void upgradeHash(UUID userId, String newHash) {
        QuarkusTransaction.requiringNew().run(() -> users.findByIdOptional(userId)
                .ifPresent(user -> user.changePasswordHash(newHash, clock.instant())));
        LOG.infof("Re-hashed the password of user %s with the current Argon2id parameters", userId);
    }

    /** An access token and the refresh token of the same session. */
    public record Tokens(IssuedAccessToken access, IssuedRefreshToken refresh) {
    }
}
