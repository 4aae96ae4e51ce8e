package dev.lectavera.auth.security;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OpaqueTokensTest {

    private final OpaqueTokens tokens = new OpaqueTokens();

    @Test
    void tokensAre256RandomBitsInBase64Url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.newToken();
            assertThat(token, matchesPattern("[A-Za-z0-9_-]{43}"));
            seen.add(token);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void hashIsSha256AndDeterministic() {
        String token = tokens.newToken();
        assertEquals(32, tokens.hash(token).length);
        assertArrayEquals(tokens.hash(token), tokens.hash(token));
    }
}
