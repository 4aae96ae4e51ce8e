package dev.lectavera.auth.security;

import dev.lectavera.auth.config.AuthConfig;
import dev.lectavera.auth.model.UserAccount;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Signs the RS256 access tokens every LectaVera service accepts (contract in COMMON_BRIEF / README). */
@ApplicationScoped
public class AccessTokenIssuer {

    public static final String ISSUER = "lectavera-auth";
    public static final Set<String> GROUPS = Set.of("user");
    /** The refresh-token family (login session) the token belongs to; lets logout end that session. */
    public static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;
    private final Clock clock;
    private final Duration lifetime;
    private final String audience;

    AccessTokenIssuer(SigningKeys keys, Clock clock, AuthConfig config) {
        this.keys = keys;
        this.clock = clock;
        this.lifetime = config.jwt().accessTokenLifetime();
        this.audience = config.jwt().audience();
    }

    /**
     * Signs a token for the user's session. Its iat is never before the user's revocation mark (a token issued in
     * the second of a password change, after it, must not be void), so it may be up to a second ahead of the clock.
     */
    public IssuedAccessToken issue(UserAccount user, UUID sessionId) {
        Instant issuedAt = user.tokenIssuedAt(clock.instant());
        Instant expiresAt = issuedAt.plus(lifetime);
        String jti = UUID.randomUUID().toString();
        String token = Jwt.issuer(ISSUER)
                .audience(audience)
                .subject(user.getId().toString())
                .upn(user.getEmail())
                .claim("email", user.getEmail())
                .groups(GROUPS)
                .claim("jti", jti)
                .claim(SESSION_CLAIM, sessionId.toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        return new IssuedAccessToken(token, jti, expiresAt, lifetime.toSeconds());
    }

    public record IssuedAccessToken(String token, String jti, Instant expiresAt, long expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedAccessToken[jti=" + jti + ", expiresAt=" + expiresAt + "]";
        }
    }
}
