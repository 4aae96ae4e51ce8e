package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.List;

import static dev.lectavera.gateway.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health, metrics, OpenAPI and Swagger UI live on the management port only: the public edge never serves them. */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class OperatorEndpointsTest {

    private static final String[] OPERATOR_PATHS = {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics",
            "/q/openapi", "/q/openapi?format=json", "/q/swagger-ui", "/q/swagger-ui/", "/q/dev-ui"};

    Tokens tokens;

    @Test
    void thePublicPortAnswers404ForEveryOperatorPathWithOrWithoutAToken() {
        String bearer = tokens.issue().bearer();
        for (String path : OPERATOR_PATHS) {
            given().get(path).then().statusCode(404);
            given().header("Authorization", bearer).get(path).then().statusCode(404);
        }
    }

    @Test
    void theManagementPortServesHealthMetricsOpenApiAndSwaggerUi() {
        management().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.status", equalTo("UP"));
        management().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        management().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/users/rate-limit-status"));
        management().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }

    @Test
    void httpMetricsAreTaggedPerRoutePrefixNeverPerId() {
        String bearer = tokens.issue().bearer();
        String id = "metric-" + UUID.randomUUID();
        given().header("Authorization", bearer).get("/api/v1/documents/" + id).then().statusCode(200);
        given().header("Authorization", bearer).get("/api/v1/users/rate-limit-status").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> serverMetrics = management().get("/q/metrics").then().statusCode(200).extract().asString()
                    .lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")).toList();
            assertTrue(serverMetrics.stream().anyMatch(line -> line.contains("uri=\"/api/v1/documents/*\"")), serverMetrics.toString());
            assertTrue(serverMetrics.stream().anyMatch(line -> line.contains("uri=\"/api/v1/users/*\"")), serverMetrics.toString());
            assertFalse(serverMetrics.stream().anyMatch(line -> line.contains(id)), "a document id became a tag");
        });
    }
}
