package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The edge reads a path once: separators a service would read differently are refused with 400 before anything
 * else, and every other spelling of a path is classified, limited and forwarded as the path the services match.
 * Requests are written on a raw socket, so the paths reach the gateway exactly as an attacker sends them.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class PathAttackTest {

    @TestHTTPResource("/")
    URI gateway;

    Tokens tokens;

    @Test
    void pathParametersEncodedSeparatorsAndNulAreRefusedWith400EvenWithAValidToken() {
        String bearer = "Authorization: " + tokens.issue().bearer();
        for (String target : new String[]{"/api/v1/auth/login;x", "/api/v1/auth/login%3Bx", "/api/v1/auth/login%3bx",
                "/api/v1/auth%2Flogin", "/api/v1/auth%2flogin", "/api/v1/auth%5Clogin", "/api/v1/auth%5clogin",
                "/api/v1/auth/login%00", "/api/v1/documents;jsessionid=1"}) {
            TestClients.RawResponse response = TestClients.raw(gateway, "POST", target, body(email()), bearer,
                    TestClients.FORWARDED_FOR + ": " + TestClients.randomIp());
            assertEquals(400, response.status(), target);
            assertEquals("application/problem+json", response.header("Content-Type"), target);
            assertEquals(400, response.json().getInteger("status"), target);
            assertNotNull(response.json().getString("detail"), target);
            assertNotNull(response.header("X-Request-Id"), target);
        }
        // A raw backslash or a broken percent-encoding is not even a valid request line for the HTTP layer: refused
        // before any route.
        assertEquals(400, TestClients.raw(gateway, "POST", "/api/v1/auth\\login", body(email()), bearer).status());
        assertEquals(400, TestClients.raw(gateway, "GET", "/api/v1/documents/%zz", null, bearer).status());
    }

    @Test
    void everySpellingOfLoginIsLoginsBucketAndReachesTheServiceAsLogin() {
        String ip = TestClients.FORWARDED_FOR + ": " + TestClients.randomIp();
        String body = body(email());
        // The test profile allows 2 logins per address + email.
        TestClients.RawResponse first = TestClients.raw(gateway, "POST", "/api/v1/auth/%6cogin?lang=en", body, ip);
        assertEquals(200, first.status());
        assertEquals("/api/v1/auth/login?lang=en", first.json().getString("uri"));
        assertEquals(body, first.json().getString("body"));
        TestClients.RawResponse second = TestClients.raw(gateway, "POST", "/api/v1/auth//login", body, ip);
        assertEquals(200, second.status());
        assertEquals("/api/v1/auth/login", second.json().getString("uri"));
        for (String target : new String[]{"/api/v1/auth/./login", "/api/v1/auth/login/", "/api/v1/auth/x/../login",
                "/api/v1/auth/%2e/login", "/api/v1/auth/%6Cogin"}) {
            TestClients.RawResponse refused = TestClients.raw(gateway, "POST", target, body, ip);
            assertEquals(429, refused.status(), target);
            assertNotNull(refused.header("Retry-After"), target);
        }
        TestClients.RawResponse withPathParameter = TestClients.raw(gateway, "POST", "/api/v1/auth/login;x", body, ip);
        assertEquals(400, withPathParameter.status());
    }

    @Test
    void authenticatedRequestsAreForwardedWithTheNormalisedPathAndClassifiedByIt() {
        String bearer = "Authorization: " + tokens.issue().bearer();
        TestClients.RawResponse read = TestClients.raw(gateway, "GET", "/api//v1/documents/./d-1/../d-2/?page=1", null, bearer);
        assertEquals(200, read.status());
        assertEquals("/api/v1/documents/d-2?page=1", read.json().getString("uri"));
        assertEquals("12", read.header("X-RateLimit-Limit"), "default class");

        // POST /api/v1/documents (upload, 2 per minute in the test profile), however it is spelled.
        for (String target : new String[]{"/api/v1/documents/", "/api/v1/%64ocuments"}) {
            TestClients.RawResponse upload = TestClients.raw(gateway, "POST", target, "{}", bearer);
            assertEquals(200, upload.status(), target);
            assertEquals("/api/v1/documents", upload.json().getString("uri"), target);
            assertEquals("2", upload.header("X-RateLimit-Limit"), target);
        }
        assertEquals(429, TestClients.raw(gateway, "POST", "/api/v1/./documents//", "{}", bearer).status());
    }

    @Test
    void aPathThatLeavesItsPrefixIsRoutedByWhereItEnds() {
        // Public by its spelling, but not by what it resolves to: needs a token.
        TestClients.RawResponse response = TestClients.raw(gateway, "POST", "/api/v1/auth/login/../../documents", "{}",
                TestClients.FORWARDED_FOR + ": " + TestClients.randomIp());
        assertEquals(401, response.status());
        // And the gateway's own endpoint is the gateway's, however it is spelled.
        TestClients.RawResponse status = TestClients.raw(gateway, "GET", "/api/v1/users/./rate-limit-status/", null,
                "Authorization: " + tokens.issue().bearer());
        assertEquals(200, status.status());
        assertNotNull(status.json().getJsonArray("classes"));
    }

    @Test
    void anUnknownPathIsA404Problem() {
        TestClients.RawResponse response = TestClients.raw(gateway, "GET", "/api/v1/nothing-here", null,
                "Authorization: " + tokens.issue().bearer());
        assertEquals(404, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
    }

    private static String email() {
        return "attack-" + UUID.randomUUID() + "@example.test";
    }

    private static String body(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"wrong\"}";
    }
}
