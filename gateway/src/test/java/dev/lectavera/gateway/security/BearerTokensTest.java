package dev.lectavera.gateway.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void theSubprotocolListCarriesTheTokenAfterBearerAndLosesIt() {
        BearerTokens.Found found = BearerTokens.fromSubprotocols("bearer, abc.def.ghi");
        assertEquals("abc.def.ghi", found.token());
        assertEquals(BearerTokens.Source.SUBPROTOCOL, found.source());
        assertEquals("bearer", found.otherSubprotocols());

        BearerTokens.Found withOthers = BearerTokens.fromSubprotocols("chat.v1,Bearer,abc.def.ghi,json");
        assertEquals("abc.def.ghi", withOthers.token());
        assertEquals("chat.v1, Bearer, json", withOthers.otherSubprotocols());

        assertNull(BearerTokens.fromSubprotocols("chat.v1, json"));
        assertNull(BearerTokens.fromSubprotocols("bearer"));
        assertNull(BearerTokens.fromSubprotocols(null));
    }
}
