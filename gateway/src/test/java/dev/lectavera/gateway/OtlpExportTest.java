package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With an OTLP endpoint configured the gateway's spans are exported there (OTLP/HTTP here); without one
 * (every other test) nothing is sent anywhere: trace/TraceExport.
 */
@QuarkusTest
@TestProfile(OtlpExportTest.WithEndpoint.class)
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
@QuarkusTestResource(value = OtlpExportTest.Collector.class, restrictToAnnotatedClass = true)
class OtlpExportTest {

    private static final String RECEIVED = "test.otlp.received-url";

    public static class WithEndpoint implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    Tokens tokens;

    @Test
    void theGatewaysSpansReachTheConfiguredCollector() {
        given().header("Authorization", tokens.issue().bearer()).get("/api/v1/quiz/quizzes").then().statusCode(200);
        assertFalse(ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class), "the SDK is on");
        String received = ConfigProvider.getConfig().getValue(RECEIVED, String.class);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Integer.parseInt(given().baseUri(received).port(-1).get().then().extract().asString()) > 0);
    }

    /** A stand-in OTel collector: counts the OTLP/HTTP exports it receives ({@code GET /} answers the count). */
    public static class Collector implements QuarkusTestResourceLifecycleManager {

        private Vertx vertx;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            int[] exports = {0};
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                if (request.method() == HttpMethod.POST) { // OTLP/HTTP: POST .../v1/traces
                    request.body().onSuccess(body -> {
                        exports[0]++;
                        request.response().putHeader("content-type", "application/x-protobuf").end();
                    });
                } else {
                    request.response().end(Integer.toString(exports[0]));
                }
            });
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("collector did not start", e);
            }
            String url = "http://127.0.0.1:" + server.actualPort();
            return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", url,
                    "gateway.traces.otlp-endpoint", url,
                    RECEIVED, url);
        }

        @Override
        public void stop() {
            if (vertx != null) {
                vertx.close().toCompletionStage().toCompletableFuture().join();
            }
        }
    }
}
