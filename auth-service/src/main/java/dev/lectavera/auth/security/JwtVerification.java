package dev.lectavera.auth.security;

import dev.lectavera.auth.config.AuthConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.util.Set;

/**
 * Defence in depth: auth-service verifies the bearer tokens on its own protected endpoints exactly as the other
 * services do (RS256, issuer, audience, expiry), but against the in-memory public key of {@link SigningKeys}.
 * <p>
 * Why a producer instead of {@code mp.jwt.verify.publickey.location}: the key may be generated at start-up, so
 * no file or config value exists beforehand, and pointing the location at our own JWKS URL would make the
 * service call itself over HTTP (circular while it starts). This alternative replaces smallrye-jwt's
 * config-based {@code JWTAuthContextInfo} with one built from the very key that signs.
 */
public class JwtVerification {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo authContextInfo(SigningKeys keys, AuthConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.publicKey(), AccessTokenIssuer.ISSUER);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setExpectedAudience(Set.of(config.jwt().audience()));
        info.setRequiredClaims(Set.of("sub", "jti", "iat", "exp"));
        return info;
    }
}
