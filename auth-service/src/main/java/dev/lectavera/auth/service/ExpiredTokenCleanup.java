package dev.lectavera.auth.service;

import dev.lectavera.auth.config.AuthConfig;
import dev.lectavera.auth.repository.OneTimeTokenRepository;
import dev.lectavera.auth.repository.PasswordFailuresRepository;
import dev.lectavera.auth.repository.RefreshTokenRepository;
import dev.lectavera.outbox.OutboxStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the token tables small: expired refresh tokens (refused anyway), expired or used one-time tokens,
 * published outbox rows past their retention, and wrong-password counters that no longer count (no failure and
 * no lock for a whole lockout window: the same as none, e.g. the random emails of a password sprayer).
 * Idempotent, so every instance may run it.
 */
@ApplicationScoped
public class ExpiredTokenCleanup {

    private static final Logger LOG = Logger.getLogger(ExpiredTokenCleanup.class);

    private final RefreshTokenRepository refreshTokens;
    private final OneTimeTokenRepository oneTimeTokens;
    private final OutboxStore outbox;
    private final PasswordFailuresRepository passwordFailures;
    private final Clock clock;
    private final Duration outboxRetention;
    private final Duration lockoutWindow;

    ExpiredTokenCleanup(RefreshTokenRepository refreshTokens, OneTimeTokenRepository oneTimeTokens,
                        OutboxStore outbox, PasswordFailuresRepository passwordFailures, Clock clock,
                        AuthConfig config) {
        this.refreshTokens = refreshTokens;
        this.oneTimeTokens = oneTimeTokens;
        this.outbox = outbox;
        this.passwordFailures = passwordFailures;
        this.clock = clock;
        this.outboxRetention = config.cleanup().publishedOutboxRetention();
        this.lockoutWindow = config.lockout().window();
    }

    @Scheduled(every = "{lectavera.auth.cleanup.interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCleanUp() {
        try {
            CleanupResult result = cleanUp();
            if (result.total() > 0) {
                LOG.infof("Clean-up: %s", result);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Clean-up failed, retrying at the next run: %s", e.toString());
        }
    }

    public CleanupResult cleanUp() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            return new CleanupResult(
                    refreshTokens.deleteExpired(now),
                    oneTimeTokens.deleteExpiredOrUsed(now),
                    outbox.deletePublishedBefore(now.minus(outboxRetention)),
                    passwordFailures.deleteIdleSince(now.minus(lockoutWindow)));
        });
    }

    public record CleanupResult(long refreshTokens, long oneTimeTokens, long outboxEvents, long passwordFailures) {
        long total() {
            return refreshTokens + oneTimeTokens + outboxEvents + passwordFailures;
        }
    }
}
