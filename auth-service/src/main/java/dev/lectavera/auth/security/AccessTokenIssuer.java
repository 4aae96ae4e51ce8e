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

    AccessTokenIssuer(SigningKeys keys, Clock clock, AuthConfig config) {
        this.keys = keys;
        this.clock = clock;
        this.lifetime = config.jwt().accessTokenLifetime();
    }

    public IssuedAccessToken issue(UserAccount user, UUID sessionId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        String jti = UUID.randomUUID().toString();
        String token = Jwt.issuer(ISSUER)
                .subject(user.getId().toString())
                .upn(user.getEmail())
                .claim("email", user.getEmail())
                .groups(GROUPS)
                .claim("jti", jti)
                .claim(SESSION_CLAIM, sessionId.toString())
                .issuedAt(now)
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
