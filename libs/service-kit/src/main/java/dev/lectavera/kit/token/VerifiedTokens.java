package dev.lectavera.kit.token;

import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Access tokens this service has verified, remembered so that a client's next requests with the same token cost a
 * map lookup instead of an RS256 verification. Keyed by the token's exact text (any change to it is another key),
 * kept until the earlier of its {@code exp} and {@code lectavera.token-cache.ttl}: from {@code exp} on a token is
 * verified afresh, so the verifier's own clock-skew allowance decides exactly as before. A token that fails
 * verification is never remembered. Bounded ({@code max-entries}): when full, expired entries are swept (at most
 * once a second) and a token that still finds no room is simply verified each time.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** The signature check this cache saves: smallrye-jwt's parser. */
    @FunctionalInterface
    public interface Verification {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Remembered(JsonWebToken token, long validUntilMillis) {
    }

    private static final long SWEEP_SPACING_MILLIS = 1_000;

    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;
    private final LongAdder verifications = new LongAdder();
    private final AtomicLong nextSweepMillis = new AtomicLong();

    @Inject
    VerifiedTokens(TokenCacheConfig config) {
        this(config.ttl().toMillis(), config.maxEntries());
    }

    VerifiedTokens(long ttlMillis, int maxEntries) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    /** The token's verified form: remembered, or verified now (and remembered); a failure propagates, uncached. */
    public JsonWebToken verified(String token, Verification verification) throws ParseException {
        if (token == null) {
            return verification.verify(null);
        }
        long now = System.currentTimeMillis();
        Remembered known = remembered.get(token);
        if (known != null) {
            if (now < known.validUntilMillis()) {
                return known.token();
            }
            remembered.remove(token, known);
        }
        verifications.increment();
        JsonWebToken verified = verification.verify(token);
        remember(token, verified, now);
        return verified;
    }

    /** How many tokens were actually verified (not answered from memory) since start: for tests and metrics. */
    public long verifications() {
        return verifications.sum();
    }

    public int rememberedCount() {
        return remembered.size();
    }

    private void remember(String token, JsonWebToken verified, long now) {
        long until = Math.min(verified.getExpirationTime() * 1_000, now + ttlMillis);
        if (until <= now) {
            return; // expired but within the clock skew: verified each time until the verifier refuses it
        }
        if (remembered.size() >= maxEntries) {
            sweep(now);
            if (remembered.size() >= maxEntries) {
                return;
            }
        }
        remembered.put(token, new Remembered(verified, until));
    }

    private void sweep(long now) {
        long next = nextSweepMillis.get();
        if (now >= next && nextSweepMillis.compareAndSet(next, now + SWEEP_SPACING_MILLIS)) {
            remembered.values().removeIf(entry -> entry.validUntilMillis() <= now);
        }
    }
}
