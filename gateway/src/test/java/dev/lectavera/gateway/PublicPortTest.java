package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import dev.lectavera.gateway.log.AccessLogBatching;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import io.vertx.core.http.WebSocketConnectOptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public port as shipped: no proxy trusted (a forged X-Forwarded-For is nobody), the operator endpoints on
 * the management interface only (the public port answers 404 problem+json for /q/* and proxies none of it), and
 * an access log that keeps paths and drops query strings.
 */
@QuarkusTest
@TestProfile(PublicPortTest.AsShipped.class)
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class PublicPortTest {

    /** The shipped defaults where the test profile differs: nobody trusted, access log on. */
    public static class AsShipped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.client-address.trusted-proxies", "",
                    "quarkus.http.access-log.enabled", "true",
                    // Every request here comes from 127.0.0.1, in every run: keep that address's shared buckets out of the way.
                    "gateway.rate-limit.auth-ip.limit", "100000",
                    "gateway.rate-limit.default.limit", "100000");
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    AccessLogBatching accessLogBatching;

    /** Relative to the management root path ({@code /q}). */
    @TestHTTPResource(value = "/health/ready", management = true)
    URI managementReadiness;

    Tokens tokens;

    @Test
    void aForgedForwardedForDoesNotMakeANewClient() {
        String body = "{\"email\":\"forged-" + UUID.randomUUID() + "@example.test\",\"password\":\"wrong\"}";
        for (int i = 0; i < 2; i++) {
            given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).contentType("application/json").body(body)
                    .post("/api/v1/auth/login").then().statusCode(200)
                    .body("headers.x-forwarded-for", org.hamcrest.Matchers.notNullValue());
        }
        given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).contentType("application/json").body(body)
                .post("/api/v1/auth/login").then().statusCode(429);
    }

    @Test
    void operatorEndpointsAreNotServedOrProxiedOnThePublicPort() {
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/health", "/q/health/ready", "/q", "/q/dev-ui")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        }
        String bearer = "Authorization: " + tokens.issue().bearer();
        for (String target : List.of("/api/v1/documents/../../q/metrics", "/api/v1/documents/%2e%2e/%2e%2e/q/metrics",
                "/api/v1/documents//..//..//q/metrics")) {
            TestClients.RawResponse response = TestClients.raw(gateway, "GET", target, null, bearer);
            assertEquals(404, response.status(), target);
            assertEquals("application/problem+json", response.header("Content-Type"), target);
            assertFalse(response.body().contains("\"uri\""), "not proxied: " + response.body());
        }
        // They are still there, on the management port.
        given().get(managementReadiness).then().statusCode(200);
    }

    @Test
    void theAccessLogKeepsThePathAndNeverTheQuery() throws Exception {
        // The console is the log's one destination here, as shipped: the lines go through the batching writer.
        assertTrue(accessLogBatching.batching(), "access log written in batches");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger accessLog = Logger.getLogger("io.quarkus.http.access-log");
        accessLog.addHandler(capture);
        Vertx vertx = Vertx.vertx();
        try {
            Tokens.Issued user = tokens.issue();
            String session = "s-log-" + UUID.randomUUID();
            vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost(gateway.getHost())
                            .setPort(gateway.getPort()).setURI("/ws/study/" + session + "?token=" + user.token()))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).close();
            // A refused upgrade ends its response, so its line is written at once (an accepted one when it closes).
            String expired = tokens.expired();
            given().queryParam("token", expired).header("Connection", "Upgrade").header("Upgrade", "websocket")
                    .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                    .get("/ws/study/" + session).then().statusCode(401);
            given().header("Authorization", user.bearer()).get("/api/v1/documents/" + session + "?secret=s3cr3t-" + session)
                    .then().statusCode(200);
            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            given().header("Authorization", user.bearer()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .get("/api/v1/documents/" + session + "/traced").then().statusCode(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().filter(line -> line.contains(session)).count() >= 2);
            assertTrue(lines.stream().anyMatch(line -> line.contains("GET /ws/study/" + session + " HTTP/1.1\" 401")), lines.toString());
            assertTrue(lines.stream().anyMatch(line -> line.contains("GET /api/v1/documents/" + session + " HTTP/1.1")), lines.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(line -> line.contains(session + "/traced")));
            // The trace of the request: the client's trace id and the gateway's own span.
            assertTrue(lines.stream().anyMatch(line -> line.contains(session + "/traced")
                    && line.matches(".* traceId=" + traceId + " spanId=[0-9a-f]{16}$")), lines.toString());
            for (String line : lines) {
                assertFalse(line.contains(user.token()), line);
                assertFalse(line.contains(expired), line);
                assertFalse(line.contains("token="), line);
                assertFalse(line.contains("s3cr3t"), line);
            }
        } finally {
            accessLog.removeHandler(capture);
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
