package dev.lectavera.gateway.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerTokensTest {

    @Test
    void theAuthorizationHeaderNeedsTheBearerScheme() {
        assertEquals("abc.def.ghi", BearerTokens.fromAuthorization("Bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", BearerTokens.fromAuthorization("bearer   abc.def.ghi "));
        assertNull(BearerTokens.fromAuthorization("Basic dXNlcjpwYXNz"));
        assertNull(BearerTokens.fromAuthorization("Bearer "));
        assertNull(BearerTokens.fromAuthorization(null));
    }

    @Test
    void theSubprotocolListCarriesTheTokenAfterBearer() {
        assertEquals("abc.def.ghi", BearerTokens.fromSubprotocols("bearer, abc.def.ghi"));
        assertEquals("abc.def.ghi", BearerTokens.fromSubprotocols("chat.v1,Bearer,abc.def.ghi,json"));
        assertNull(BearerTokens.fromSubprotocols("chat.v1, json"));
        assertNull(BearerTokens.fromSubprotocols("bearer"));
        assertNull(BearerTokens.fromSubprotocols(null));
    }

    @Test
    void noTokenIsLeftInTheSubprotocolsForwarded() {
        assertEquals("bearer", BearerTokens.withoutTokens("bearer, abc.def.ghi"));
        assertEquals("chat.v1, Bearer, json", BearerTokens.withoutTokens("chat.v1,Bearer,abc.def.ghi,json"));
        // A second bearer pair, or a bare JWT anywhere in the list: gone as well.
        assertEquals("bearer, bearer, v2", BearerTokens.withoutTokens("bearer, eyJh.eyJi.sig, bearer, other.token.x, v2"));
        assertEquals("json", BearerTokens.withoutTokens("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln, json"));
        assertNull(BearerTokens.withoutTokens("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"));
        assertNull(BearerTokens.withoutTokens(null));
        assertTrue(BearerTokens.offersBearer("json, Bearer, x.y.z"));
        assertFalse(BearerTokens.offersBearer("json"));
    }

    @Test
    void aJwtIsThreeNonEmptyBase64UrlParts() {
        assertTrue(BearerTokens.looksLikeJwt("a.b.c"));
        assertFalse(BearerTokens.looksLikeJwt("chat.v1"));
        assertFalse(BearerTokens.looksLikeJwt("a..c"));
        assertFalse(BearerTokens.looksLikeJwt("a.b.c.d"));
        assertFalse(BearerTokens.looksLikeJwt("a.b.c!"));
    }

    @Test
    void theForwardedWebSocketUriCarriesExactlyTheVerifiedToken() {
        assertEquals("/ws/study/s?token=a.b.c", BearerTokens.withToken("/ws/study/s", null, "a.b.c"));
        assertEquals("/ws/study/s?x=1&y=2&token=a.b.c", BearerTokens.withToken("/ws/study/s", "x=1&token=old&y=2&token", "a.b.c"));
        assertEquals("/ws/study/s?tokens=1&token=a.b.c", BearerTokens.withToken("/ws/study/s", "tokens=1", "a.b.c"));
    }

    @Test
    void everyParameterWhoseDecodedNameIsTokenIsDropped() {
        assertEquals("/ws/study/s?lang=en&token=A", BearerTokens.withToken("/ws/study/s", "%74oken=B&lang=en&tok%65n=C", "A"));
        assertEquals("/ws/study/s?token=A", BearerTokens.withToken("/ws/study/s", "TOKEN=B;%54%4F%4B%45%4E=C;token+=D", "A"));
        assertEquals("/ws/study/s?a=1&token=A", BearerTokens.withToken("/ws/study/s", "a=1;token=B", "A"));
        // A name that cannot be decoded is dropped rather than guessed at.
        assertEquals("/ws/study/s?token=A", BearerTokens.withToken("/ws/study/s", "%zzoken=B", "A"));
        assertEquals("/ws/study/s?token=a%2Bb", BearerTokens.withToken("/ws/study/s", "", "a+b"));
    }
}
