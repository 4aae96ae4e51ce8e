package dev.lectavera.kit.token;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {

    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aTokenIsVerifiedOnceThenAnsweredFromMemory() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 100);
        JsonWebToken first = tokens.verified("t1", this::validFor15Minutes);
        JsonWebToken again = tokens.verified("t1", this::validFor15Minutes);
        assertSame(first, again);
        assertEquals(1, calls.get());
        assertEquals(1, tokens.verifications());
        tokens.verified("t2", this::validFor15Minutes);
        assertEquals(2, calls.get(), "another text is another token");
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 100);
        for (int i = 0; i < 3; i++) {
            assertThrows(ParseException.class, () -> tokens.verified("bad", this::refused));
        }
        assertEquals(3, calls.get());
        assertEquals(0, tokens.rememberedCount());
    }

    @Test
    void nothingIsRememberedPastTheTokensExpiryNorPastTheTtl() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 100);
        // expired a few seconds ago but inside the verifier's clock skew: accepted by it, so verified every time
        tokens.verified("skew", token -> jwt(System.currentTimeMillis() / 1000 - 5));
        tokens.verified("skew", token -> jwt(System.currentTimeMillis() / 1000 - 5));
        assertEquals(0, tokens.rememberedCount());

        VerifiedTokens noMemory = new VerifiedTokens(0, 100);
        noMemory.verified("t", this::validFor15Minutes);
        noMemory.verified("t", this::validFor15Minutes);
        assertEquals(2, calls.get());
    }

    @Test
    void theEntryCountIsBounded() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 2);
        for (int i = 0; i < 5; i++) {
            tokens.verified("t" + i, this::validFor15Minutes);
        }
        assertEquals(2, tokens.rememberedCount());
        tokens.verified("t4", this::validFor15Minutes);
        assertEquals(6, calls.get(), "a token that found no room is verified each time");
    }

    private JsonWebToken validFor15Minutes(String token) {
        calls.incrementAndGet();
        return jwt(System.currentTimeMillis() / 1000 + 900);
    }

    private JsonWebToken refused(String token) throws ParseException {
        calls.incrementAndGet();
        throw new ParseException("invalid signature");
    }

    private static JsonWebToken jwt(long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "user";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
            }
        };
    }
}
