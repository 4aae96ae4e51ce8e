package dev.lectavera.auth.service;

import dev.lectavera.auth.config.AuthConfig;
import dev.lectavera.auth.model.PasswordFailures;
import dev.lectavera.auth.repository.PasswordFailuresRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-account limit on password guessing, independent of the client address (the gateway limits per address):
 * after {@code lockout.max-failures} wrong passwords within {@code lockout.window} the account answers 429 for a
 * delay that doubles with each lock in a row. One counter per lower-cased email, whether or not an account has
 * it (so a lock tells nothing about existence), shared by login, password change and account deletion.
 * <p>
 * Use: {@link #admit} before checking a password (it throws 429 while locked, and counts the attempt as failed
 * so that concurrent guesses cannot overshoot), {@link #succeeded} after a correct one.
 */
@ApplicationScoped
public class AccountLockout {

    private static final Logger LOG = Logger.getLogger(AccountLockout.class);

    private final PasswordFailuresRepository failures;
    private final Clock clock;
    private final PasswordFailures.Rules rules;

    AccountLockout(PasswordFailuresRepository failures, Clock clock, AuthConfig config) {
        this.failures = failures;
        this.clock = clock;
        AuthConfig.Lockout lockout = config.lockout();
        this.rules = new PasswordFailures.Rules(lockout.maxFailures(), lockout.window(), lockout.initialDelay(),
                lockout.maxDelay());
    }

    /** Lets one password check for this email go ahead, or answers 429 with Retry-After while it is locked. */
    public void admit(String email) {
        String key = accountKey(email);
        Optional<Duration> locked = QuarkusTransaction.requiringNew().call(() -> {
            PasswordFailures counter = failures.lockOrCreate(key);
            Instant now = clock.instant();
            Optional<Duration> remaining = counter.admit(now, rules);
            if (remaining.isEmpty() && counter.isLockedAt(now)) {
                // This attempt reached the limit (it still gets its answer); the next ones get 429.
                LOG.infof("Account key %s… locked until %s after %d password attempts", key.substring(0, 12),
                        counter.getLockedUntil(), rules.maxFailures());
            }
            return remaining;
        });
        if (locked.isPresent()) {
            throw Problems.tooManyPasswordAttempts(locked.get());
        }
    }

    /** A correct password: the counter starts over (and so does the doubling). */
    public void succeeded(String email) {
        String key = accountKey(email);
        QuarkusTransaction.requiringNew().run(() -> failures.deleteById(key));
    }

    /** Hex SHA-256 of the lower-cased email: never the address itself in the table. */
    static String accountKey(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
