package dev.lectavera.auth.service;

import dev.lectavera.auth.config.AuthConfig;
import dev.lectavera.auth.mail.AccountMailRequested;
import dev.lectavera.auth.mail.AccountMailer;
import dev.lectavera.auth.model.OneTimeTokenPurpose;
import dev.lectavera.auth.model.UserAccount;
import dev.lectavera.auth.repository.UserRepository;
import dev.lectavera.auth.security.PasswordHasher;
import dev.lectavera.auth.security.RevocationWriter;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.contracts.events.UserRegistered;
import dev.lectavera.outbox.OutboxWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
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
    private final AccountLockout lockout;
    private final RevocationWriter revocations;
    private final Clock clock;
    private final AuthConfig config;

    AccountService(UserRepository users, PasswordHasher hasher, OneTimeTokenService oneTimeTokens,
                   RefreshTokenService refreshTokens, OutboxWriter outbox, AccountMailer mailer,
                   AccountLockout lockout, RevocationWriter revocations, Clock clock, AuthConfig config) {
        this.users = users;
        this.hasher = hasher;
        this.oneTimeTokens = oneTimeTokens;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.mailer = mailer;
        this.lockout = lockout;
        this.revocations = revocations;
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
     * Changes the password after checking the current one. Every access token of the user is void from now on
     * (the caller's too), every session ends (their refresh tokens) and pending reset links are voided: whoever
     * made the change logs in again with the new password. This is what a user who fears their session was
     * stolen needs: a thief holding this very session's tokens is out too.
     */
    public void changePassword(UUID userId, String currentPassword, String newPassword) {
        UserAccount user = get(userId);
        checkPassword(user, currentPassword, "currentPassword");
        String newHash = hasher.hash(newPassword);
        Instant mark = QuarkusTransaction.requiringNew().call(() -> {
            UserAccount locked = lockUnchanged(user, "currentPassword");
            Instant now = clock.instant();
            locked.changePasswordHash(newHash, now);
            Instant revokedBefore = locked.revokeTokensIssuedUntil(now);
            int revoked = refreshTokens.revokeAll(userId);
            oneTimeTokens.invalidateAll(userId, OneTimeTokenPurpose.PASSWORD_RESET);
            LOG.infof("User %s changed the password; tokens before %s and %d refresh tokens revoked", userId,
                    revokedBefore, revoked);
            return revokedBefore;
        });
        revocations.revokeTokensIssuedBefore(userId, mark);
    }

    /**
     * Deletes the account after checking its password. Refresh and one-time tokens go with it (foreign keys
     * cascade), UserDeleted is written to the outbox in the same transaction, and every access token of the user
     * is revoked: in Redis for the other services, and here because a token of a user who does not exist does not
     * authenticate. The email is free for a new registration (a new user id) at once.
     */
    public void delete(UUID userId, String password) {
        UserAccount user = get(userId);
        checkPassword(user, password, "password");
        Instant mark = QuarkusTransaction.requiringNew().call(() -> {
            UserAccount locked = lockUnchanged(user, "password");
            Instant now = clock.instant();
            Instant revokedBefore = locked.revokeTokensIssuedUntil(now);
            users.delete(locked);
            outbox.append(userId, new UserDeleted(userId, now));
            LOG.infof("Deleted user %s", userId);
            return revokedBefore;
        });
        revocations.revokeTokensIssuedBefore(userId, mark);
    }

    /** A password confirming a sensitive change: counted towards the account's lockout like a login. */
    private void checkPassword(UserAccount user, String password, String field) {
        lockout.admit(user.getEmail());
        if (!hasher.matches(password, user.getPasswordHash())) {
            throw Problems.wrongPassword(field);
        }
        lockout.succeeded(user.getEmail());
    }

    /**
     * The user row, locked for the change, provided the password just checked is still the account's: two
     * changes at once cannot both succeed with the old password.
     */
    private UserAccount lockUnchanged(UserAccount checked, String field) {
        UserAccount locked = users.findByIdForUpdate(checked.getId()).orElseThrow(Problems::userNotFound);
        if (!locked.getPasswordHash().equals(checked.getPasswordHash())) {
            throw Problems.wrongPassword(field);
        }
        return locked;
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
