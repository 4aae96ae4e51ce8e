package dev.lectavera.gateway.edge;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.ratelimit.RateClass;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteRulesTest {

    private final RouteRules rules = new RouteRules(new PublicRoutesOnly(List.of(
            "POST /api/v1/auth/login", "GET /.well-known/jwks.json")));

    @Test
    void publicIsAMethodAndAnExactPath() {
        assertTrue(rules.isPublic(HttpMethod.POST, "/api/v1/auth/login"));
        assertFalse(rules.isPublic(HttpMethod.GET, "/api/v1/auth/login"));
        assertFalse(rules.isPublic(HttpMethod.POST, "/api/v1/auth/login/x"));
        assertTrue(rules.isPublic(HttpMethod.GET, "/.well-known/jwks.json"));
    }

    @Test
    void requestsFallInTheirClass() {
        // Questions are study-service's chat limit: over HTTP they are ordinary requests here.
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.POST, "/api/v1/study/sessions/s-1/messages", false));
        assertEquals(RateClass.SOCKET, rules.classify(HttpMethod.GET, "/ws/study/s-1", true));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.GET, "/api/v1/study/sessions/s-1/messages", false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.POST, "/api/v1/study/sessions//messages", false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.POST, "/api/v1/study/sessions/a/b/messages", false));
        assertEquals(RateClass.UPLOAD, rules.classify(HttpMethod.POST, EdgePath.normalise("/api/v1/documents/"), false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.GET, "/api/v1/documents", false));
        assertEquals(RateClass.SEARCH, rules.classify(HttpMethod.POST, "/api/v1/documents/search", false));
        assertEquals(RateClass.AUTH, rules.classify(HttpMethod.POST, "/api/v1/auth/login", false));
        assertEquals(RateClass.AUTH, rules.classify(HttpMethod.POST, "/api/v1/auth/reset-password", false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.POST, "/api/v1/auth/refresh", false));
        assertEquals(RateClass.QUIZ, rules.classify(HttpMethod.POST, "/api/v1/quiz/generate", false));
        assertEquals(RateClass.QUIZ, rules.classify(HttpMethod.POST, "/api/v1/quiz/review/flashcards", false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.POST, "/api/v1/quiz/review/cards/x/reviews", false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.GET, "/api/v1/quiz/generate", false));
        assertEquals(RateClass.AUTH, rules.classify(HttpMethod.POST, "/api/v1/users/me/password", false));
        assertEquals(RateClass.AUTH, rules.classify(HttpMethod.DELETE, "/api/v1/users/me", false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.GET, "/api/v1/users/me", false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.DELETE, "/api/v1/documents/d-1", false));
        assertTrue(rules.isRegistration(HttpMethod.POST, "/api/v1/auth/register"));
        assertFalse(rules.isRegistration(HttpMethod.POST, "/api/v1/auth/login"));
        assertTrue(rules.bodyNamesAccount("/api/v1/auth/forgot-password"));
        assertFalse(rules.bodyNamesAccount("/api/v1/auth/reset-password"));
    }

    @Test
    void anEmailIsReadFromJsonAndKeyedByItsHashCaseInsensitively() {
        assertEquals("A@Example.test", RateSubjects.emailIn(io.vertx.core.buffer.Buffer.buffer("{\"email\":\"A@Example.test\"}")));
        assertEquals(null, RateSubjects.emailIn(io.vertx.core.buffer.Buffer.buffer("not json")));
        assertEquals(null, RateSubjects.emailIn(io.vertx.core.buffer.Buffer.buffer("{\"email\":42}")));
        assertEquals(RateSubjects.accountSuffix("a@example.test"), RateSubjects.accountSuffix(" A@Example.TEST "));
        assertFalse(RateSubjects.accountSuffix("a@example.test").contains("example"));
        assertEquals("", RateSubjects.accountSuffix(null));
    }

    @Test
    void theAttackSpellingsOfLoginAreAllLogin() {
        for (String attack : new String[]{"/api/v1/auth/%6cogin", "/api/v1/auth/%6Cogin", "/api/v1/auth//login",
                "/api/v1/auth/./login", "/api/v1/auth/login/", "//api/v1/auth/x/../login//", "/api/v1/auth/%2e/login"}) {
            String path = EdgePath.normalise(attack);
            assertEquals("/api/v1/auth/login", path, attack);
            assertEquals(RateClass.AUTH, rules.classify(HttpMethod.POST, path, false), attack);
            assertTrue(rules.isPublic(HttpMethod.POST, path), attack);
        }
    }

    /** Only what RouteRules reads. */
    private record PublicRoutesOnly(List<String> publicRoutes) implements GatewayConfig {
        @Override
        public Map<String, Route> routes() {
            return Map.of();
        }

        @Override
        public Jwt jwt() {
            return null;
        }

        @Override
        public RateLimit rateLimit() {
            return null;
        }

        @Override
        public RedisUse redis() {
            return null;
        }

        @Override
        public ClientAddressUse clientAddress() {
            return null;
        }

        @Override
        public ApiDescription apiDescription() {
            return null;
        }

        @Override
        public Traces traces() {
            return null;
        }

        @Override
        public WebApp web() {
            return null;
        }

        @Override
        public AccessLog accessLog() {
            return null;
        }
    }
}
