package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test routes: /api/v1/test-dead → 127.0.0.1:1 (nothing listens; breaker opens after 3 failures),
 * /api/v1/test-slow → an upstream answering after 5 s with a 500 ms route timeout,
 * /api/v1/test-pair → two instances, the first of which is down.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class UpstreamFailureTest {

    @TestHTTPResource("/")
    URI gateway;

    Tokens tokens;

    @Test
    void anUpstreamThatIsDownAnswers503ProblemAndThenTheBreakerOpens() {
        String bearer = tokens.issue().bearer();
        boolean opened = false;
        for (int attempt = 1; attempt <= 4 && !opened; attempt++) {
            Response response = given().header("Authorization", bearer).get("/api/v1/test-dead/things");
            response.then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("instance", equalTo("/api/v1/test-dead/things"));
            opened = response.jsonPath().getString("detail").contains("circuit open");
            if (opened) {
                assertTrue(Integer.parseInt(response.header("Retry-After")) > 0);
            }
        }
        assertTrue(opened, "the breaker opens after 3 consecutive failures");
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeAnswers503Problem() {
        given().header("Authorization", tokens.issue().bearer())
                .get("/api/v1/test-slow/report")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("did not answer in time"));
    }

    @Test
    void anInstanceThatRefusesConnectionsIsSkippedAndItsRequestsGoToTheOther() {
        String bearer = tokens.issue().bearer();
        for (int request = 0; request < 6; request++) {
            // POST too: a refused connection means nothing was sent, so even a non-idempotent request moves on.
            given().header("Authorization", bearer).contentType("application/json").body("{\"n\":" + request + "}")
                    .post("/api/v1/test-pair/things")
                    .then().statusCode(200)
                    .body("uri", equalTo("/api/v1/test-pair/things"))
                    .body("body", equalTo("{\"n\":" + request + "}"));
        }
    }

    @Test
    void aWebSocketToAPairWithOneDeadInstanceReachesTheLiveOne() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(gateway.getHost())
                        .setPort(gateway.getPort()).setURI("/api/v1/test-pair/socket")
                        .addHeader("Authorization", tokens.issue().bearer());
                var socket = vertx.createWebSocketClient().connect(options)
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                var echo = new java.util.concurrent.CompletableFuture<String>();
                socket.textMessageHandler(echo::complete);
                socket.writeTextMessage("hello");
                assertTrue(echo.get(10, TimeUnit.SECONDS).startsWith("echo:/api/v1/test-pair/socket:"));
                socket.close();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void aWebSocketUpgradeToADownUpstreamIs503() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(gateway.getHost())
                    .setPort(gateway.getPort()).setURI("/api/v1/test-dead/socket")
                    .addHeader("Authorization", tokens.issue().bearer());
            ExecutionException failure = assertThrows(ExecutionException.class, () -> vertx.createWebSocketClient()
                    .connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(UpgradeRejectedException.class, failure.getCause());
            assertEquals(503, ((UpgradeRejectedException) failure.getCause()).getStatus());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
