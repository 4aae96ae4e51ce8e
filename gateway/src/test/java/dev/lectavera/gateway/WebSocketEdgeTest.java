package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebSocket upgrades on /ws/study/**: the token from the query, the subprotocol list or the header; none → 401.
 * Whatever the client used, the service gets the verified token as Authorization and as the only ?token=.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class WebSocketEdgeTest {

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
    void aTokenInTheQueryOpensTheSocketAndTheServiceGetsItAsAHeader() throws Exception {
        Tokens.Issued user = tokens.issue();
        WebSocket ws = connect(options("/ws/study/s-1?lang=en&token=" + user.token()));
        assertEquals("echo:/ws/study/s-1:" + user.subject() + ":no-user-id-header:lang=en&token=" + user.token() + ":hi", roundTrip(ws, "hi"));
    }

    @Test
    void aTokenInTheSubprotocolListOpensTheSocketWithTheBearerSubprotocol() throws Exception {
        Tokens.Issued user = tokens.issue();
        WebSocket ws = connect(options("/ws/study/s-2").setSubProtocols(List.of("bearer", user.token())));
        assertEquals("bearer", ws.subProtocol());
        assertEquals("echo:/ws/study/s-2:" + user.subject() + ":no-user-id-header:token=" + user.token() + ":hi", roundTrip(ws, "hi"));
    }

    @Test
    void aTokenInTheAuthorizationHeaderOpensTheSocketAndReplacesAnyOtherQueryToken() throws Exception {
        Tokens.Issued user = tokens.issue();
        WebSocket ws = connect(options("/ws/study/s-3?token=unverified.other.token").addHeader("Authorization", user.bearer())
                .addHeader("X-LectaVera-User-Id", "someone-else"));
        assertEquals("echo:/ws/study/s-3:" + user.subject() + ":no-user-id-header:token=" + user.token() + ":hi", roundTrip(ws, "hi"));
    }

    @Test
    void aSecondTokenInAnEncodedQueryNameNeverReachesTheService() throws Exception {
        Tokens.Issued verified = tokens.issue();
        Tokens.Issued smuggled = tokens.issue();
        WebSocket ws = connect(options("/ws/study/s-6?%74oken=" + smuggled.token() + "&lang=en&tok%65n=" + smuggled.token()
                + ";TOKEN=" + smuggled.token()).addHeader("Authorization", verified.bearer()));
        JsonObject seen = new JsonObject(roundTrip(ws, "headers?"));
        assertEquals("lang=en&token=" + verified.token(), seen.getString("query"));
        assertEquals(verified.bearer(), seen.getString("authorization"));
        assertNull(seen.getString("x-lectavera-user-id"));
    }

    @Test
    void noUnverifiedTokenIsLeftInTheSubprotocolsOrASecondAuthorization() throws Exception {
        Tokens.Issued verified = tokens.issue();
        Tokens.Issued smuggled = tokens.issue();
        WebSocket ws = connect(options("/ws/study/s-7")
                .addHeader("Authorization", verified.bearer())
                .addHeader("Authorization", smuggled.bearer())
                .setSubProtocols(List.of("bearer", smuggled.token(), "chat.v1", smuggled.token())));
        assertEquals("bearer", ws.subProtocol());
        JsonObject seen = new JsonObject(roundTrip(ws, "headers?"));
        assertEquals(verified.bearer(), seen.getString("authorization"));
        assertEquals("bearer, chat.v1", seen.getString("sec-websocket-protocol"));
        assertEquals("token=" + verified.token(), seen.getString("query"));
        assertFalse(seen.encode().contains(smuggled.token()), seen.encode());
    }

    @Test
    void aTokenVerifiedFromTheSubprotocolsIsTheOneForwarded() throws Exception {
        Tokens.Issued verified = tokens.issue();
        Tokens.Issued smuggled = tokens.issue();
        WebSocket ws = connect(options("/ws/study/s-8?%74oken=" + smuggled.token()).setSubProtocols(List.of("bearer", verified.token())));
        JsonObject seen = new JsonObject(roundTrip(ws, "headers?"));
        assertEquals(verified.bearer(), seen.getString("authorization"));
        assertEquals("bearer", seen.getString("sec-websocket-protocol"));
        assertEquals("token=" + verified.token(), seen.getString("query"));
    }

    @Test
    void anUpgradeWithoutAValidTokenIsRefusedWith401() {
        assertEquals(401, refusal(options("/ws/study/s-4")));
        assertEquals(401, refusal(options("/ws/study/s-4?token=" + tokens.expired())));
        assertEquals(401, refusal(options("/ws/study/s-4?token=" + tokens.algNone())));
        assertEquals(401, refusal(options("/ws/study/s-4").setSubProtocols(List.of("bearer", tokens.tampered()))));
    }

    @Test
    void theUpgradeReachesTheServiceWithTheGatewaySpanOfTheClientsTrace() throws Exception {
        Tokens.Issued user = tokens.issue();
        WebSocket ws = connect(options("/ws/study/s-7").addHeader("Authorization", user.bearer())
                .addHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        String traceparent = new JsonObject(roundTrip(ws, "headers?")).getString("traceparent");
        assertTrue(traceparent.matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-[0-9a-f]{2}"), traceparent);
        assertFalse(traceparent.contains("00f067aa0ba902b7"), "the gateway's span is the parent: " + traceparent);
    }

    @Test
    void upgradesCountInTheSocketClass() throws Exception {
        Tokens.Issued user = tokens.issue();
        for (int i = 0; i < 3; i++) {
            connect(options("/ws/study/s-5?token=" + user.token())).close();
        }
        assertEquals(429, refusal(options("/ws/study/s-5?token=" + user.token())));
    }

    private WebSocketConnectOptions options(String uri) {
        return new WebSocketConnectOptions().setHost(gateway.getHost()).setPort(gateway.getPort()).setURI(uri);
    }

    private WebSocket connect(WebSocketConnectOptions options) throws Exception {
        return vertx.createWebSocketClient().connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private int refusal(WebSocketConnectOptions options) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> connect(options));
        assertInstanceOf(UpgradeRejectedException.class, failure.getCause());
        return ((UpgradeRejectedException) failure.getCause()).getStatus();
    }

    private static String roundTrip(WebSocket ws, String text) throws Exception {
        Promise<String> answer = Promise.promise();
        ws.textMessageHandler(answer::tryComplete);
        ws.writeTextMessage(text);
        return answer.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
