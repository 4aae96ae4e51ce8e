package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the upstream services: it echoes what reached it (REST)
 * and answers WebSocket text frames, so tests see exactly what the gateway forwarded.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .webSocketHandler(ws -> ws.textMessageHandler(text -> ws.writeTextMessage("echo:" + ws.path() + ":" + text)))
                .requestHandler(request -> request.body().onSuccess(body -> {
                    JsonObject echo = new JsonObject()
                            .put("method", request.method().name())
                            .put("uri", request.uri())
                            .put("body", body.toString());
                    request.response().putHeader("content-type", "application/json").end(echo.encode());
                }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake upstream did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of(
                "gateway.routes.auth.upstream", url,
                "gateway.routes.document.upstream", url,
                "gateway.routes.study.upstream", url,
                "gateway.routes.quiz.upstream", url,
                "gateway.routes.analytics.upstream", url);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
