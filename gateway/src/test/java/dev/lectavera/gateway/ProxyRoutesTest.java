package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class ProxyRoutesTest {

    @TestHTTPResource("/")
    URI gateway;

    Tokens tokens;

    private Vertx vertx;

    @BeforeEach
    void startClient() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopClient() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void restCallsPassThroughWithPathQueryAndBody() {
        given().header("Authorization", tokens.issue().bearer())
                .contentType("application/json").body("{\"q\":\"entropy\"}")
                .post("/api/v1/documents/search?topK=3")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/documents/search?topK=3"))
                .body("body", equalTo("{\"q\":\"entropy\"}"));
    }

    @Test
    void everyPublicPrefixIsRouted() {
        String bearer = tokens.issue().bearer();
        for (String path : new String[]{"/api/v1/auth/login", "/api/v1/users/me", "/.well-known/jwks.json",
                "/api/v1/study/sessions", "/api/v1/quiz/q1", "/api/v1/analytics/overview"}) {
            given().header("Authorization", bearer).get(path).then().statusCode(200).body("uri", equalTo(path));
        }
    }

    @Test
    void aBodyOverTheRouteLimitIs413ProblemAndUploadsHaveMoreRoom() throws Exception {
        // 12 MB: over the default route limit (10M), under the document route's (51M, document-service's uploads).
        // Sent in full without waiting for 100-continue: the gateway drains it before closing, so the 413 arrives.
        byte[] body = new byte[12 * 1024 * 1024];
        String bearer = tokens.issue().bearer();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/quiz/generate"))
                    .header("Authorization", bearer).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, refused.statusCode());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(refused.body().contains("10485760"), refused.body());

            HttpResponse<String> upload = client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/documents"))
                    .header("Authorization", bearer).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, upload.statusCode());
            assertTrue(upload.body().contains("\"uri\":\"/api/v1/documents\""));
        }
    }

    @Test
    void aBodyStreamedWithoutALengthIsCutOffAtTheRouteLimitByTheGateway() throws Exception {
        // 12 MB chunked to a 10M route. The fake upstream would echo any body with 200: only the gateway's own count
        // can answer 413, and it does so without ever handing the upstream a byte over the limit.
        byte[] body = new byte[12 * 1024 * 1024];
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/quiz/generate"))
                    .header("Authorization", tokens.issue().bearer()).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(refused.body().contains("10485760"), refused.body());

            // Under the limit, the same streamed body passes whole.
            byte[] small = new byte[64 * 1024];
            HttpResponse<String> passed = client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/quiz/generate"))
                    .header("Authorization", tokens.issue().bearer()).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, passed.statusCode(), passed.body());
            assertTrue(passed.body().contains("\"bodyLength\":65536"), passed.body());
            assertTrue(passed.body().contains("\"transfer-encoding\":\"chunked\""), passed.body());
        }
    }

    @Test
    void aBareErrorFromAServiceLeavesAsProblemJson() {
        given().header("Authorization", tokens.issue().bearer()).post("/api/v1/documents/bare-413")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("title", equalTo("Request Entity Too Large"))
                .body("instance", equalTo("/api/v1/documents/bare-413"));
    }

    @Test
    void unknownPathsAreNotProxied() {
        String bearer = tokens.issue().bearer();
        given().header("Authorization", bearer).get("/api/v1/unknown").then().statusCode(404);
        given().header("Authorization", bearer).get("/api/v1/documentsX").then().statusCode(404);
    }

    @Test
    void aWebSocketMessagePassesThroughBothWays() throws Exception {
        Tokens.Issued user = tokens.issue();
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(gateway.getHost()).setPort(gateway.getPort()).setURI("/ws/study/s-42?token=" + user.token());

        String reply = client.connect(options)
                .compose(ws -> {
                    Promise<String> answer = Promise.promise();
                    ws.textMessageHandler(answer::tryComplete);
                    return ws.writeTextMessage("hello").compose(v -> answer.future());
                })
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals("echo:/ws/study/s-42:" + user.subject() + ":no-user-id-header:token=" + user.token() + ":hello", reply);
    }
}
