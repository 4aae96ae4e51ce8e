package dev.lectavera.auth.service;

import dev.lectavera.auth.model.UserAccount;
import dev.lectavera.auth.repository.UserRepository;
import dev.lectavera.auth.security.AccessTokenIssuer;
import dev.lectavera.auth.security.AccessTokenIssuer.IssuedAccessToken;
import dev.lectavera.auth.security.PasswordHasher;
import dev.lectavera.auth.security.RevocationWriter;
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
    private final AccountLockout lockout;
    private final RefreshTokenService refreshTokens;
    private final AccessTokenIssuer accessTokens;
    private final RevocationWriter revocations;
    private final Clock clock;

    SessionService(UserRepository users, PasswordHasher hasher, AccountLockout lockout,
                   RefreshTokenService refreshTokens, AccessTokenIssuer accessTokens, RevocationWriter revocations,
                   Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.lockout = lockout;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.clock = clock;
    }

    /**
     * An unknown email costs the same password work as a wrong password and gets the same answer, so neither the
     * body nor the timing tells whether an account exists; it is counted towards the lockout the same way too.
     */
    public Tokens login(String email, String password) {
        lockout.admit(email);
        Optional<UserAccount> found = users.findByEmail(email);
        if (found.isEmpty()) {
            hasher.verifyAgainstDecoy(password);
            throw Problems.invalidCredentials();
        }
        UserAccount user = found.get();
        if (!hasher.matches(password, user.getPasswordHash())) {
            throw Problems.invalidCredentials();
        }
        lockout.succeeded(email);
        Tokens tokens = startSession(user.getId(), user.getPasswordHash());
        if (hasher.needsRehash(user.getPasswordHash())) {
            upgradeHash(user.getId(), user.getPasswordHash(), hasher.hash(password));
        }
        return tokens;
    }

    /**
     * Holding the user row shared while the session starts and its access token is signed: a password change,
     * reset or deletion at the same moment either waits and then revokes this session and token too, or has
     * committed already, and then the password just checked is no longer the account's (401).
     */
    private Tokens startSession(UUID userId, String verifiedHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserAccount user = users.findByIdForShare(userId)
                    .filter(current -> current.getPasswordHash().equals(verifiedHash))
                    .orElseThrow(Problems::invalidCredentials);
            IssuedRefreshToken refresh = refreshTokens.startFamily(user.getId());
            return new Tokens(accessTokens.issue(user, refresh.familyId()), refresh);
        });
    }

    public Tokens refresh(String presentedRefreshToken) {
        // One transaction for the rotation and the signing, for the same reason as startSession.
        Optional<Tokens> tokens = QuarkusTransaction.requiringNew().call(
                () -> switch (refreshTokens.rotate(presentedRefreshToken)) {
                    case Rotation.Rotated rotated -> Optional.of(new Tokens(
                            accessTokens.issue(rotated.user(), rotated.successor().familyId()), rotated.successor()));
                    case Rotation.Rejected rejected -> {
                        LOG.debugf("Refresh refused: %s", rejected.reason());
                        yield Optional.empty();
                    }
                });
        return tokens.orElseThrow(Problems::invalidRefreshToken);
    }

    /**
     * Ends the session of the access token (its refresh-token family), and the family of the refresh token sent
     * along, if it is the caller's; then revokes the access token's jti until it expires (Redis, with a notice for
     * open sockets). Redis being down does not fail the logout.
     */
    public void logout(UUID userId, String jti, Instant accessTokenExpiry, Optional<UUID> sessionFamily,
                       Optional<String> presentedRefreshToken) {
        refreshTokens.revokeSession(userId, sessionFamily, presentedRefreshToken);
        revocations.revokeToken(userId, jti, accessTokenExpiry);
    }

    /** Only if the password is still the one just verified (a change meanwhile wins). */
    private void upgradeHash(UUID userId, String verifiedHash, String newHash) {
        QuarkusTransaction.requiringNew().run(() -> users.findByIdForUpdate(userId)
                .filter(user -> user.getPasswordHash().equals(verifiedHash))
                .ifPresent(user -> {
                    user.changePasswordHash(newHash, clock.instant());
                    LOG.infof("Re-hashed the password of user %s with the current Argon2id parameters", userId);
                }));
    }

    /** An access token and the refresh token of the same session. */
    public record Tokens(IssuedAccessToken access, IssuedRefreshToken refresh) {
    }
}
