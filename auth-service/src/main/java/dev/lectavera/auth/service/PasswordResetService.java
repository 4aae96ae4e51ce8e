package dev.lectavera.auth.service;

import dev.lectavera.auth.config.AuthConfig;
import dev.lectavera.auth.mail.AccountMailRequested;
import dev.lectavera.auth.mail.AccountMailer;
import dev.lectavera.auth.model.OneTimeTokenPurpose;
import dev.lectavera.auth.model.UserAccount;
import dev.lectavera.auth.repository.UserRepository;
import dev.lectavera.auth.security.PasswordHasher;
import dev.lectavera.auth.security.RevocationWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Forgot / reset password by an emailed single-use link. */
@ApplicationScoped
public class PasswordResetService {

    private static final Logger LOG = Logger.getLogger(PasswordResetService.class);

    private final UserRepository users;
    private final OneTimeTokenService oneTimeTokens;
    private final RefreshTokenService refreshTokens;
    private final PasswordHasher hasher;
    private final AccountMailer mailer;
    private final AccountLockout lockout;
    private final RevocationWriter revocations;
    private final Clock clock;
    private final AuthConfig config;

    PasswordResetService(UserRepository users, OneTimeTokenService oneTimeTokens, RefreshTokenService refreshTokens,
                         PasswordHasher hasher, AccountMailer mailer, AccountLockout lockout,
                         RevocationWriter revocations, Clock clock, AuthConfig config) {
        this.users = users;
        this.oneTimeTokens = oneTimeTokens;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.mailer = mailer;
        this.lockout = lockout;
        this.revocations = revocations;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Mails a reset link when the account exists and does nothing visible otherwise: the caller answers 202 either
     * way, and the mail is sent after the answer (no timing difference from SMTP).
     */
    public void requestReset(String email) {
        QuarkusTransaction.requiringNew().run(() -> users.findByEmail(email).ifPresent(user -> {
            String token = oneTimeTokens.issue(user.getId(), OneTimeTokenPurpose.PASSWORD_RESET,
                    config.tokens().passwordResetLifetime());
            mailer.request(new AccountMailRequested.ResetPassword(user.getEmail(), user.getFullName(), token));
            LOG.infof("Password reset requested for user %s", user.getId());
        }));
    }

    /**
     * Sets a new password with a valid reset token, which is then spent. Every access token and every session of
     * the user ends, the account's lockout is lifted (the user proved they read the mail), and its email counts as
     * verified from then on.
     */
    public void reset(String token, String newPassword) {
        String newHash = hasher.hash(newPassword);
        Reset reset = QuarkusTransaction.requiringNew().call(() -> {
            // The user row before the token rows (see UserRepository), so: whose token, lock the user, spend it.
            UserAccount user = oneTimeTokens.ownerOf(OneTimeTokenPurpose.PASSWORD_RESET, token)
                    .flatMap(users::findByIdForUpdate)
                    .orElseThrow(() -> Problems.invalidOneTimeToken("token"));
            oneTimeTokens.consume(OneTimeTokenPurpose.PASSWORD_RESET, token)
                    .orElseThrow(() -> Problems.invalidOneTimeToken("token"));
            Instant now = clock.instant();
            user.changePasswordHash(newHash, now);
            user.markEmailVerified(now);
            Instant revokedBefore = user.revokeTokensIssuedUntil(now);
            int revoked = refreshTokens.revokeAll(user.getId());
            LOG.infof("Password of user %s reset; tokens before %s and %d refresh tokens revoked", user.getId(),
                    revokedBefore, revoked);
            return new Reset(user.getId(), user.getEmail(), revokedBefore);
        });
        revocations.revokeTokensIssuedBefore(reset.userId(), reset.revokedBefore());
        lockout.succeeded(reset.email());
    }

    private record Reset(UUID userId, String email, Instant revokedBefore) {
    }
}
