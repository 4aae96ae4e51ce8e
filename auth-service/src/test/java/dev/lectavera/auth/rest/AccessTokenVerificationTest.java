package dev.lectavera.auth.rest;

import dev.lectavera.auth.security.SigningKeys;
import dev.lectavera.auth.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static dev.lectavera.auth.support.Api.PASSWORD;
import static dev.lectavera.auth.support.Api.randomEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Defence in depth: auth-service's own protected endpoints refuse every token that is not a valid, current
 * lectavera-auth RS256 token for the lectavera-api audience. Bad tokens are signed with the service's real key
 * where possible, so that the claim under test is the only thing wrong with them.
 */
@QuarkusTest
class AccessTokenVerificationTest {

    private final SigningKeys keys;

    AccessTokenVerificationTest(SigningKeys keys) {
        this.keys = keys;
    }

    @Test
    void aTokenMintedLikeTheServiceDoesIsAccepted() {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        Api.me(sign(claims(id), keys.privateKey())).statusCode(200).body("id", equalTo(id.toString()));
    }

    @Test
    void tamperedTokenIs401() {
        String email = randomEmail();
        Api.registerUser(email);
        UUID victim = Api.registerUser(randomEmail());
        String token = Api.loginOk(email, PASSWORD).accessToken();
        String[] parts = token.split("\\.");
        String forgedPayload = base64Url(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + victim + "\""));
        expect401(parts[0] + "." + forgedPayload + "." + parts[2]);
    }

    @Test
    void algNoneIs401() {
        String email = randomEmail();
        UUID id = Api.registerUser(email);
        long now = Instant.now().getEpochSecond();
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"iss\":\"lectavera-auth\",\"sub\":\"" + id + "\",\"jti\":\"" + UUID.randomUUID()
                + "\",\"groups\":[\"user\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}");
        expect401(header + "." + payload + ".");
    }

    @Test
    void expiredTokenIs401() {
        UUID id = Api.registerUser(randomEmail());
        Instant issued = Instant.now().minusSeconds(3600);
        expect401(sign(claims(id).issuedAt(issued).expiresAt(issued.plusSeconds(900)), keys.privateKey()));
    }

    @Test
    void wrongIssuerIs401() {
        UUID id = Api.registerUser(randomEmail());
        expect401(sign(claims(id).issuer("someone-else"), keys.privateKey()));
    }

    @Test
    void tokenWithoutTheAudienceIs401() throws Exception {
        // smallrye-jwt-build keeps an aud once set, so this one is signed with jose4j directly
        UUID id = Api.registerUser(randomEmail());
        long now = Instant.now().getEpochSecond();
        expect401(signRaw("{\"iss\":\"lectavera-auth\",\"sub\":\"" + id + "\",\"jti\":\"" + UUID.randomUUID()
                + "\",\"groups\":[\"user\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}"));
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        UUID id = Api.registerUser(randomEmail());
        expect401(sign(claims(id).audience("some-other-api"), keys.privateKey()));
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() throws Exception {
        UUID id = Api.registerUser(randomEmail());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        expect401(sign(claims(id), generator.generateKeyPair().getPrivate()));
    }

    @Test
    void hmacTokenIs401() {
        UUID id = Api.registerUser(randomEmail());
        // HS256 keyed with something public must never pass as our RS256
        expect401(claims(id).jws().algorithm(SignatureAlgorithm.HS256)
                .signWithSecret("a-shared-secret-that-is-at-least-32-bytes-long"));
    }

    @Test
    void tokenWithoutJtiIs401() throws Exception {
        // smallrye-jwt-build always adds a jti, so this one is signed with jose4j directly
        UUID id = Api.registerUser(randomEmail());
        long now = Instant.now().getEpochSecond();
        String token = signRaw("{\"iss\":\"lectavera-auth\",\"aud\":\"lectavera-api\",\"sub\":\"" + id
                + "\",\"groups\":[\"user\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}");
        assertFalse(Api.claims(token).containsKey("jti"));
        expect401(token);
    }

    /** A payload signed as the service would, byte for byte what the test says. */
    private String signRaw(String payload) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(keys.keyId());
        jws.setKey(keys.privateKey());
        return jws.getCompactSerialization();
    }

    @Test
    void garbageIs401() {
        expect401("not-a-jwt");
        expect401("a.b.c");
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/users/me").then().statusCode(401);
    }

    private static JwtClaimsBuilder claims(UUID userId) {
        Instant now = Instant.now();
        return Jwt.issuer("lectavera-auth").audience("lectavera-api").subject(userId.toString())
                .upn("someone@example.test")
                .groups("user").claim("jti", UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plusSeconds(900));
    }

    private String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().algorithm(SignatureAlgorithm.RS256).keyId(keys.keyId()).sign(key);
    }

    private static void expect401(String token) {
        Api.me(token).statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
