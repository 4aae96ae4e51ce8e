package dev.lectavera.study.support;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;
import java.util.UUID;

/** A random user with a token signed like auth-service signs (RS256, issuer lectavera-auth, group user). */
public record Users(UUID id, String token) {

    public static Users random() {
        return of(UUID.randomUUID(), 900);
    }

    public static Users of(UUID id, long lifetimeSeconds) {
        String token = Jwt.issuer("lectavera-auth")
                .subject(id.toString())
                .upn(id + "@test.lectavera.dev")
                .groups(Set.of("user"))
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(lifetimeSeconds)
                .sign(DocumentServiceProcess.get().keys().privateKey());
        return new Users(id, token);
    }

    /** Same user, signed by a key nobody trusts. */
    public String forgedToken() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer("lectavera-auth").subject(id.toString()).groups(Set.of("user")).expiresIn(900)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
