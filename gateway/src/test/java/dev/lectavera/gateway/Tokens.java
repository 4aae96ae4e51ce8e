package dev.lectavera.gateway;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** Mints access tokens the way auth-service does (COMMON_BRIEF contract), and the bad ones the gateway must refuse. */
public final class Tokens {

    public static final String ISSUER = "lectavera-auth";
    public static final String AUDIENCE = "lectavera-api";

    /** A token and the claims tests need. */
    public record Issued(String token, String subject, String tokenId, String email) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    private final KeyPair keys;

    Tokens(KeyPair keys) {
        this.keys = keys;
    }

    /** A fresh user with a valid 15-minute token. */
    public Issued issue() {
        return issue(UUID.randomUUID().toString(), "u-" + UUID.randomUUID() + "@example.test", Instant.now());
    }

    /** A valid token of the given user, issued at {@code issuedAt} (whole seconds), valid for 15 minutes from now. */
    public Issued issue(String subject, String email, Instant issuedAt) {
        String tokenId = UUID.randomUUID().toString();
        String token = claims(subject, tokenId, email, ISSUER, issuedAt, Instant.now().plusSeconds(900))
                .jws().keyId("test-key").sign(keys.getPrivate());
        return new Issued(token, subject, tokenId, email);
    }

    /** Perfect but for the audience: none at all, or another one. */
    public String withAudience(String audience) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = claims(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "x@example.test", ISSUER,
                now, now.plusSeconds(900));
        if (audience == null) {
            claims.remove("aud");
        } else {
            claims.audience(audience);
        }
        return claims.jws().sign(keys.getPrivate());
    }

    public String expired() {
        Instant now = Instant.now();
        return claims(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "x@example.test", ISSUER,
                now.minusSeconds(1_800), now.minusSeconds(900)).jws().sign(keys.getPrivate());
    }

    public String wrongIssuer() {
        Instant now = Instant.now();
        return claims(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "x@example.test", "someone-else",
                now, now.plusSeconds(900)).jws().sign(keys.getPrivate());
    }

    public String signedByAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Instant now = Instant.now();
            return claims(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "x@example.test", ISSUER,
                    now, now.plusSeconds(900)).jws().sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 with the RSA public key as the HMAC secret: the classic algorithm-confusion attack. */
    public String hs256WithPublicKeyAsSecret() {
        Instant now = Instant.now();
        String secret = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        return claims(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "x@example.test", ISSUER,
                now, now.plusSeconds(900)).jws().algorithm(SignatureAlgorithm.HS256).signWithSecret(secret);
    }

    /** An unsigned token ({@code alg: none}) with otherwise perfect claims. */
    public String algNone() {
        long now = Instant.now().getEpochSecond();
        JsonObject header = new JsonObject().put("alg", "none").put("typ", "JWT");
        JsonObject payload = new JsonObject().put("iss", ISSUER).put("aud", AUDIENCE).put("sub", UUID.randomUUID().toString())
                .put("jti", UUID.randomUUID().toString()).put("iat", now).put("exp", now + 900)
                .put("groups", new io.vertx.core.json.JsonArray().add("user"));
        return encode(header.encode()) + "." + encode(payload.encode()) + ".";
    }

    /** A valid token whose payload was changed afterwards (another subject), signature kept. */
    public String tampered() {
        String[] parts = issue().token().split("\\.");
        JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        payload.put("sub", UUID.randomUUID().toString());
        return parts[0] + "." + encode(payload.encode()) + "." + parts[2];
    }

    private static JwtClaimsBuilder claims(String subject, String tokenId, String email, String issuer,
                                           Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(email)
                .claim("email", email)
                .claim("jti", tokenId)
                .groups(Set.of("user"))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
