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
        assertEquals(RateClass.CHAT, rules.classify(HttpMethod.POST, "/api/v1/study/sessions/s-1/messages", false));
        assertEquals(RateClass.CHAT, rules.classify(HttpMethod.GET, "/ws/study/s-1", true));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.GET, "/api/v1/study/sessions/s-1/messages", false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.POST, "/api/v1/study/sessions//messages", false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.POST, "/api/v1/study/sessions/a/b/messages", false));
        assertEquals(RateClass.UPLOAD, rules.classify(HttpMethod.POST, RouteRules.normalise("/api/v1/documents/"), false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.GET, "/api/v1/documents", false));
        assertEquals(RateClass.SEARCH, rules.classify(HttpMethod.POST, "/api/v1/documents/search", false));
        assertEquals(RateClass.AUTH, rules.classify(HttpMethod.POST, "/api/v1/auth/login", false));
        assertEquals(RateClass.AUTH, rules.classify(HttpMethod.POST, "/api/v1/auth/reset-password", false));
        assertEquals(RateClass.DEFAULT, rules.classify(HttpMethod.POST, "/api/v1/auth/refresh", false));
        assertTrue(rules.bodyNamesAccount("/api/v1/auth/forgot-password"));
        assertFalse(rules.bodyNamesAccount("/api/v1/auth/reset-password"));
    }

    @Test
    void anEmailIsReadFromJsonAndKeyedByItsHashCaseInsensitively() {
        assertEquals("A@Example.test", EdgeHandler.emailIn(io.vertx.core.buffer.Buffer.buffer("{\"email\":\"A@Example.test\"}")));
        assertEquals(null, EdgeHandler.emailIn(io.vertx.core.buffer.Buffer.buffer("not json")));
        assertEquals(null, EdgeHandler.emailIn(io.vertx.core.buffer.Buffer.buffer("{\"email\":42}")));
        assertEquals(EdgeHandler.accountSuffix("a@example.test"), EdgeHandler.accountSuffix(" A@Example.TEST "));
        assertFalse(EdgeHandler.accountSuffix("a@example.test").contains("example"));
        assertEquals("", EdgeHandler.accountSuffix(null));
    }

    @Test
    void theForwardedWebSocketUriCarriesExactlyTheVerifiedToken() {
        assertEquals("/ws/study/s?token=a.b.c", EdgeHandler.withToken("/ws/study/s", "a.b.c"));
        assertEquals("/ws/study/s?x=1&y=2&token=a.b.c", EdgeHandler.withToken("/ws/study/s?x=1&token=old&y=2&token", "a.b.c"));
        assertEquals("/ws/study/s?tokens=1&token=a.b.c", EdgeHandler.withToken("/ws/study/s?tokens=1", "a.b.c"));
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
    }
}
