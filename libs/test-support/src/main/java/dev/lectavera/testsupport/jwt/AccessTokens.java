package dev.lectavera.testsupport.jwt;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.Set;
import java.util.UUID;

/**
 * Access tokens shaped like auth-service's (its README, "Access token"): issuer {@code lectavera-auth}, audience
 * {@code lectavera-api}, {@code sub} = the user id, {@code upn} and {@code email}, {@code groups} = user, a fresh
 * {@code jti}, 15 minutes. Signed with {@code smallrye.jwt.sign.key.location} unless a key is given to
 * {@code sign(key)}.
 */
public final class AccessTokens {

    public static final String ISSUER = "lectavera-auth";
    public static final String AUDIENCE = "lectavera-api";
    public static final long LIFETIME_SECONDS = 900;

    private AccessTokens() {
    }

    /** A signed 15-minute token of this user. */
    public static String forUser(UUID userId) {
        return claims(userId).sign();
    }

    /** The claims of a 15-minute token, for a test to change one (iat, jti, aud) before signing. */
    public static JwtClaimsBuilder claims(UUID userId) {
        return claims(userId, emailOf(userId));
    }

    public static JwtClaimsBuilder claims(UUID userId, String email) {
        return claimsWithoutLifetime(userId, email).expiresIn(LIFETIME_SECONDS);
    }

    /** Everything but {@code iat}/{@code exp}, for a test that sets them itself. */
    public static JwtClaimsBuilder claimsWithoutLifetime(UUID userId, String email) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId.toString())
                .upn(email)
                .claim("email", email)
                .claim("jti", UUID.randomUUID().toString())
                .groups(Set.of("user"));
    }

    /** The e-mail address tests give a user they make up. */
    public static String emailOf(UUID userId) {
        return userId + "@test.lectavera.dev";
    }
}
