package dev.lectavera.gateway.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The checks that run on the event loop before any worker is asked to verify a signature. */
class TokenPrecheckTest {

    @Test
    void onlyThreePartTokensWithAnRs256HeaderGoOnToVerification() {
        assertNull(TokenVerifier.precheck(header("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + ".e30.c2ln"));
        assertEquals("token algorithm must be RS256", TokenVerifier.precheck(header("{\"alg\":\"none\"}") + ".e30.c2ln").getMessage());
        assertEquals("token algorithm must be RS256", TokenVerifier.precheck(header("{\"alg\":\"HS256\"}") + ".e30.c2ln").getMessage());
        assertEquals("malformed token", TokenVerifier.precheck(header("{\"alg\":\"RS256\"}") + ".e30.").getMessage());
        assertEquals("malformed token", TokenVerifier.precheck("abc.def").getMessage());
        assertEquals("malformed token", TokenVerifier.precheck("a.b.c.d").getMessage());
        assertEquals("malformed token", TokenVerifier.precheck("!!!.e30.c2ln").getMessage());
        assertEquals("malformed token", TokenVerifier.precheck(header("[1]") + ".e30.c2ln").getMessage());
    }

    private static String header(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
