package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class ProxyRoutesTest {

    @TestHTTPResource("/")
    URI gateway;

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
        given().contentType("application/json").body("{\"q\":\"entropy\"}")
                .post("/api/v1/documents/search?topK=3")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/documents/search?topK=3"))
                .body("body", equalTo("{\"q\":\"entropy\"}"));
    }

    @Test
    void everyPublicPrefixIsRouted() {
        for (String path : new String[]{"/api/v1/auth/login", "/api/v1/users/me", "/.well-known/jwks.json",
                "/api/v1/study/sessions", "/api/v1/quiz/q1", "/api/v1/analytics/overview"}) {
            given().get(path).then().statusCode(200).body("uri", equalTo(path));
        }
    }

    @Test
    void unknownPathsAreNotProxied() {
        given().get("/api/v1/unknown").then().statusCode(404);
        given().get("/api/v1/documentsX").then().statusCode(404);
    }

    @Test
    void aWebSocketMessagePassesThroughBothWays() throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(gateway.getHost()).setPort(gateway.getPort()).setURI("/ws/study/s-42?token=t");

        String reply = client.connect(options)
                .compose(ws -> {
                    var answer = io.vertx.core.Promise.<String>promise();
                    ws.textMessageHandler(answer::tryComplete);
                    return ws.writeTextMessage("hello").compose(v -> answer.future());
                })
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals("echo:/ws/study/s-42:hello", reply);
    }
}
