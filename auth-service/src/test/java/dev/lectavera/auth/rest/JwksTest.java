package dev.lectavera.auth.rest;

import dev.lectavera.auth.security.SigningKeys;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class JwksTest {

    private final SigningKeys keys;

    JwksTest(SigningKeys keys) {
        this.keys = keys;
    }

    @Test
    void jwksPublishesThePublicSigningKeyOnly() {
        var jwks = given().get("/.well-known/jwks.json").then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .header("Cache-Control", containsString("max-age=300"))
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].kid", equalTo(keys.keyId()))
                .body("keys[0].d", nullValue())
                .body("keys[0].p", nullValue())
                .extract().jsonPath();
        BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(jwks.getString("keys[0].n")));
        BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(jwks.getString("keys[0].e")));
        assertEquals(keys.publicKey().getModulus(), modulus);
        assertEquals(keys.publicKey().getPublicExponent(), exponent);
    }

    @Test
    void jwksNeedsNoToken() {
        given().auth().oauth2("garbage").get("/.well-known/jwks.json").then().statusCode(200);
    }
}
