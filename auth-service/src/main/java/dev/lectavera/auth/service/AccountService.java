package dev.lectavera.auth.service;

import dev.lectavera.auth.config.AuthConfig;
import dev.lectavera.auth.event.OutboxWriter;
import dev.lectavera.auth.mail.AccountMailRequested;
import dev.lectavera.auth.mail.AccountMailer;
import dev.lectavera.auth.model.OneTimeTokenPurpose;
import dev.lectavera.auth.model.UserAccount;
import dev.lectavera.auth.repository.UserRepository;
import dev.lectavera.auth.security.PasswordHasher;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.contracts.events.UserRegistered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The account's life: registration, email verification, profile, password change and deletion.
 * Password hashing (deliberately slow) happens before a transaction starts, never while holding a connection.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final OneTimeTokenService oneTimeTokens;
    private final RefreshTokenService refreshTokens;
    private final OutboxWriter outbox;
    private final AccountMailer mailer;
    private final Clock clock;
    private final AuthConfig config;

    AccountService(UserRepository users, PasswordHasher hasher, OneTimeTokenService oneTimeTokens,
                   RefreshTokenService refreshTokens, OutboxWriter outbox, AccountMailer mailer, Clock clock,
                   AuthConfig config) {
        this.users = users;
        this.hasher = hasher;
        this.oneTimeTokens = oneTimeTokens;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
        this.config = config;
    }

    /** Creates the account, emits UserRegistered and mails a verification link (after commit). */
    public UserAccount register(String email, String password, String fullName) {
        String passwordHash = hasher.hash(password);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (users.emailTaken(email)) {
                    throw Problems.emailAlreadyRegistered();
                }
                Instant now = clock.instant();
                UserAccount user = new UserAccount(email, passwordHash, fullName.strip(), now);
                users.persistAndFlush(user);
                outbox.append(user.getId(), new UserRegistered(user.getId(), now));
                String token = oneTimeTokens.issue(user.getId(), OneTimeTokenPurpose.EMAIL_VERIFICATION,
                        config.tokens().emailVerificationLifetime());
                mailer.request(new AccountMailRequested.VerifyEmail(user.getEmail(), user.getFullName(), token));
                LOG.infof("Registered user %s", user.getId());
                return user;
            });
        } catch (PersistenceException e) {
            // Two registrations of the same address at once: the unique index on lower(email) decides.
            if (isUniqueViolation(e)) {
                throw Problems.emailAlreadyRegistered();
            }
            throw e;
        }
    }

    public void verifyEmail(String token) {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID userId = oneTimeTokens.consume(OneTimeTokenPurpose.EMAIL_VERIFICATION, token)
                    .orElseThrow(() -> Problems.invalidOneTimeToken("token"));
            users.findByIdOptional(userId).ifPresent(user -> user.markEmailVerified(clock.instant()));
        });
    }

    public UserAccount get(UUID userId) {
        return users.findByIdOptional(userId).orElseThrow(Problems::userNotFound);
    }

    public UserAccount rename(UUID userId, String fullName) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserAccount user = users.findByIdOptional(userId).orElseThrow(Problems::userNotFound);
            user.rename(fullName.strip(), clock.instant());
            return user;
        });
    }

    /**
     * Changes the password after checking the current one; ends every other session (their refresh tokens) and
     * voids pending reset links. The session making the change stays logged in.
     */
    public void changePassword(UUID userId, Optional<UUID> currentSession, String currentPassword,
                               String newPassword) {
        UserAccount user = get(userId);
        if (!hasher.matches(currentPassword, user.getPasswordHash())) {
            throw Problems.wrongPassword("currentPassword");
        }
        String newHash = hasher.hash(newPassword);
        QuarkusTransaction.requiringNew().run(() -> {
            UserAccount managed = users.findByIdOptional(userId).orElseThrow(Problems::userNotFound);
            managed.changePasswordHash(newHash, clock.instant());
            int revoked = refreshTokens.revokeAllExcept(userId, currentSession);
            oneTimeTokens.invalidateAll(userId, OneTimeTokenPurpose.PASSWORD_RESET);
            LOG.infof("User %s changed the password; %d refresh tokens of other sessions revoked", userId, revoked);
        });
    }

    /**
     * Deletes the account after checking its password. Refresh and one-time tokens go with it (foreign keys
     * cascade) and UserDeleted is written to the outbox in the same transaction.
     */
    public void delete(UUID userId, String password) {
        UserAccount user = get(userId);
        if (!hasher.matches(password, user.getPasswordHash())) {
            throw Problems.wrongPassword("password");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (users.deleteById(userId)) {
                outbox.append(userId, new UserDeleted(userId, clock.instant()));
                LOG.infof("Deleted user %s", userId);
            }
        });
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }
}
