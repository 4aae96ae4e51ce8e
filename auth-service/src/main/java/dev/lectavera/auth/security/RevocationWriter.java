package dev.lectavera.auth.security;

import dev.lectavera.auth.config.AuthConfig;
import dev.lectavera.contracts.revocation.RevocationKeys;
import dev.lectavera.contracts.revocation.RevocationNotice;
import dev.lectavera.kit.revocation.RevocationMirror;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes access-token revocations where the gateway and every service read them (libs/contracts
 * {@link RevocationKeys}): the key first, then a {@link RevocationNotice} on {@code lv:revocations}, which every
 * instance's in-memory mirror applies at once (and which closes open WebSockets). The notice carries the key's
 * expiry ({@code until}) so the mirrors forget it in time. Once Redis has the key, this service's own mirror applies
 * the notice directly: auth-service refuses the token before its notice has come back. Redis is optional: when it is down the write is skipped and logged; the
 * other services then honour the revocation only at the token's expiry, while auth-service itself still refuses
 * account-wide revoked tokens from its own database ({@link AccountTokenAugmentor}).
 */
@ApplicationScoped
public class RevocationWriter {

    private static final Logger LOG = Logger.getLogger(RevocationWriter.class);
    private static final Duration REDIS_WAIT = Duration.ofSeconds(1);
    /** The mark outlives the last token it voids by this much: the services' clock skew, with room to spare. */
    private static final Duration MARK_MARGIN = Duration.ofMinutes(2);

    private final ReactiveValueCommands<String, String> values;
    private final ReactivePubSubCommands<String> pubSub;
    private final Clock clock;
    private final Duration markTtl;
    private final RevocationMirror mirror;

    RevocationWriter(ReactiveRedisDataSource redis, Clock clock, AuthConfig config, RevocationMirror mirror) {
        this.mirror = mirror;
        this.values = redis.value(String.class);
        this.pubSub = redis.pubsub(String.class);
        this.clock = clock;
        this.markTtl = config.jwt().accessTokenLifetime().plus(MARK_MARGIN);
    }

    /**
     * One access token (logout): {@code lv:revoked:{jti}} until it expires, and the notice. Blocking; never throws.
     *
     * @return whether Redis recorded the revocation
     */
    public boolean revokeToken(UUID userId, String jti, Instant expiresAt) {
        long ttlSeconds = Duration.between(clock.instant(), expiresAt).toSeconds() + 1;
        if (ttlSeconds <= 0) {
            return true; // already expired: nothing left to revoke
        }
        long until = clock.instant().getEpochSecond() + ttlSeconds;
        return write(RevocationKeys.revokedToken(jti), ttlSeconds, "1",
                RevocationNotice.token(userId.toString(), jti, until), "access token " + jti);
    }

    /**
     * Every access token of the user issued before {@code mark} (password change or reset, account deletion):
     * {@code lv:revoked-before:{userId}} = the mark in epoch seconds, for an access-token lifetime plus a margin,
     * and the notice. Blocking; never throws.
     *
     * @return whether Redis recorded the revocation
     */
    public boolean revokeTokensIssuedBefore(UUID userId, Instant mark) {
        long epochSeconds = mark.getEpochSecond();
        long until = clock.instant().getEpochSecond() + markTtl.toSeconds();
        return write(RevocationKeys.revokedBefore(userId.toString()), markTtl.toSeconds(),
                Long.toString(epochSeconds), RevocationNotice.issuedBefore(userId.toString(), epochSeconds, until),
                "tokens of user " + userId + " issued before " + mark);
    }

    private boolean write(String key, long ttlSeconds, String value, RevocationNotice notice, String what) {
        try {
            values.setex(key, ttlSeconds, value).await().atMost(REDIS_WAIT);
        } catch (RuntimeException e) {
            // Always a warning: the revoked tokens stay usable at the other services until they expire.
            LOG.warnf("Redis unavailable, %s not revoked in Redis (honoured elsewhere only at expiry): %s",
                    what, e.toString());
            return false;
        }
        mirror.apply(notice);
        try {
            pubSub.publish(RevocationKeys.CHANNEL, notice.toJson()).await().atMost(REDIS_WAIT);
        } catch (RuntimeException e) {
            // The key is written: every new request is refused; only already open sockets miss the news.
            LOG.warnf("Redis unavailable, revocation notice for %s not published: %s", what, e.toString());
        }
        return true;
    }
}
