package dev.lectavera.auth.service;

import dev.lectavera.auth.config.AuthConfig;
import dev.lectavera.auth.mail.AccountMailRequested;
import dev.lectavera.auth.mail.AccountMailer;
import dev.lectavera.auth.model.OneTimeTokenPurpose;
import dev.lectavera.auth.model.UserAccount;
import dev.lectavera.auth.repository.UserRepository;
import dev.lectavera.auth.security.PasswordHasher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
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
    private final Clock clock;
    private final AuthConfig config;

    PasswordResetService(UserRepository users, OneTimeTokenService oneTimeTokens, RefreshTokenService refreshTokens,
                         PasswordHasher hasher, AccountMailer mailer, Clock clock, AuthConfig config) {
        this.users = users;
        this.oneTimeTokens = oneTimeTokens;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.mailer = mailer;
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
     * Sets a new password with a valid reset token, which is then spent. Every session of the user ends. The
     * account's email counts as verified from then on (the user proved they read it).
     */
    public void reset(String token, String newPassword) {
        String newHash = hasher.hash(newPassword);
        QuarkusTransaction.requiringNew().run(() -> {
            UUID userId = oneTimeTokens.consume(OneTimeTokenPurpose.PASSWORD_RESET, token)
                    .orElseThrow(() -> Problems.invalidOneTimeToken("token"));
            UserAccount user = users.findByIdOptional(userId).orElseThrow(() -> Problems.invalidOneTimeToken("token"));
            user.changePasswordHash(newHash, clock.instant());
            user.markEmailVerified(clock.instant());
            int revoked = refreshTokens.revokeAll(userId);
            LOG.infof("Password of user %s reset; %d refresh tokens revoked", userId, revoked);
        });
    }
}
