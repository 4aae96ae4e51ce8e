package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the upstream services: it echoes what reached it (method, URI,
 * body and its length, headers; REST) and answers WebSocket text frames with the user its token names and whether a user-id header reached it, so tests see
 * exactly what the gateway forwarded (the text {@code headers?} is answered with the upgrade's headers and query). Like the real services it echoes X-Request-Id on its response
 * (and sends a CORS header of its own), so tests can check the gateway does not duplicate them.
 * Paths under /api/v1/test-slow answer only after 5 s. A second server stands in for the services' management
 * interfaces ({@link FakeDescriptions}).
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

    /** Where the services' fake management interfaces answer (their OpenAPI documents: {@link FakeDescriptions}). */
    static final String MANAGEMENT_URL = "test.fake-upstream.management-url";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(this::answer);
        HttpServer management = vertx.createHttpServer().requestHandler(new FakeDescriptions()::answer);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            management.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake upstream did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        String managementUrl = "http://127.0.0.1:" + management.actualPort();
        Map<String, String> config = new HashMap<>(Map.of(
                "gateway.routes.auth.upstream", url,
                "gateway.routes.document.upstream", url,
                "gateway.routes.study.upstream", url,
                "gateway.routes.quiz.upstream", url,
                "gateway.routes.analytics.upstream", url,
                "gateway.routes.slow.upstream", url,
                "gateway.routes.pair.upstream", "http://127.0.0.1:1," + url));
        config.put(MANAGEMENT_URL, managementUrl);
        for (String route : new String[]{"auth", "document", "study", "quiz", "analytics"}) {
            config.put("gateway.routes." + route + ".openapi", managementUrl + "/" + route + "/q/openapi?format=json");
        }
        return config;
    }

    private void answer(HttpServerRequest request) {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            request.toWebSocket().onSuccess(ws -> ws.textMessageHandler(text -> ws.writeTextMessage("headers?".equals(text)
                    ? headersOf(ws.headers()).put("query", ws.query()).encode()
                    : "echo:" + ws.path()
                    + ":" + subjectOf(ws.headers().get("Authorization"))
                    + ":" + (ws.headers().contains("X-LectaVera-User-Id") ? "user-id-header" : "no-user-id-header")
                    + ":" + ws.query()
                    + ":" + text)));
            return;
        }
        if (request.path().endsWith("/bare-413")) {
            request.response().setStatusCode(413).end(); // what a service's HTTP layer answers, without a body
            return;
        }
        if (request.path().startsWith("/api/v1/test-slow")) {
            vertx.setTimer(5_000, id -> request.response().end("too late"));
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = headersOf(request.headers());
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    // Large bodies by length only: a 12 MB body echoed as escaped JSON would crowd the test's heap.
                    .put("body", body.length() <= 1024 * 1024 ? body.toString() : null)
                    .put("bodyLength", body.length())
                    .put("headers", headers);
            String requestId = request.getHeader("X-Request-Id");
            if (requestId != null) {
                request.response().putHeader("X-Request-Id", requestId);
            }
            request.response()
                    .putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("content-type", "application/json")
                    .end(echo.encode());
        });
    }

    /** The {@code sub} of a bearer token, as a service identifies the caller (the token is not verified here). */
    private static String subjectOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        return parts.length == 3 ? new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .getString("sub") : null;
    }

    /** Header names in lower case; repeated headers joined with commas (so a second copy shows). */
    private static JsonObject headersOf(MultiMap received) {
        JsonObject headers = new JsonObject();
        received.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String previous = headers.getString(name);
            headers.put(name, previous == null ? header.getValue() : previous + "," + header.getValue());
        });
        return headers;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
