package dev.lectavera.auth.service;

import dev.lectavera.auth.model.OneTimeToken;
import dev.lectavera.auth.model.OneTimeTokenPurpose;
import dev.lectavera.auth.repository.OneTimeTokenRepository;
import dev.lectavera.auth.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Emailed single-use tokens: issued hashed, consumed once, within their lifetime. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OneTimeTokenService {

    private final OneTimeTokenRepository tokens;
    private final OpaqueTokens opaqueTokens;
    private final Clock clock;

    OneTimeTokenService(OneTimeTokenRepository tokens, OpaqueTokens opaqueTokens, Clock clock) {
        this.tokens = tokens;
        this.opaqueTokens = opaqueTokens;
        this.clock = clock;
    }

    /**
     * Issues a token and invalidates the user's earlier unused ones of the same purpose (only the newest mail works).
     *
     * @return the raw token, to be mailed; it is not stored anywhere
     */
    public String issue(UUID userId, OneTimeTokenPurpose purpose, Duration lifetime) {
        Instant now = clock.instant();
        tokens.invalidateUnused(userId, purpose, now);
        String raw = opaqueTokens.newToken();
        tokens.persist(new OneTimeToken(userId, purpose, opaqueTokens.hash(raw), now, now.plus(lifetime)));
        return raw;
    }

    /** Voids the user's unused tokens of a purpose (e.g. reset links once the password has changed). */
    public int invalidateAll(UUID userId, OneTimeTokenPurpose purpose) {
        return tokens.invalidateUnused(userId, purpose, clock.instant());
    }

    /** The user a token of this purpose was issued to, whatever its state; nothing is locked or spent. */
    public Optional<UUID> ownerOf(OneTimeTokenPurpose purpose, String presented) {
        return tokens.findOwnerByHash(opaqueTokens.hash(presented), purpose);
    }

    /** @return the user the token was issued to, when it is valid for this purpose; it is spent from now on */
    public Optional<UUID> consume(OneTimeTokenPurpose purpose, String presented) {
        Instant now = clock.instant();
        return tokens.findByHashForUpdate(opaqueTokens.hash(presented), purpose)
                .filter(token -> token.isUsableAt(now))
                .map(token -> {
                    token.markUsed(now);
                    return token.getUserId();
                });
    }
}
