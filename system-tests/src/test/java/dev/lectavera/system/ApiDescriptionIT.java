package dev.lectavera.system;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's one API description ({@code GET /api/v1/openapi.json}) against each service's own
 * ({@code /q/openapi?format=json} on its management port): every path a service describes under the prefixes the
 * gateway routes to it is there with the same operations, the bearer scheme on all but the public routes, and every
 * component under its name or, when two services disagree on a name, under {@code <service>.<name>}.
 */
@ExtendWith(LectaVeraSystem.class)
class ApiDescriptionIT {

    /** The gateway's routes (gateway/src/main/resources/application.properties). */
    private static final Map<String, List<String>> PREFIXES = Map.of(
            "auth", List.of("/api/v1/auth", "/api/v1/users", "/.well-known/jwks.json"),
            "document", List.of("/api/v1/documents"),
            "study", List.of("/api/v1/study", "/ws/study"),
            "quiz", List.of("/api/v1/quiz"),
            "analytics", List.of("/api/v1/analytics"));
    /** gateway.public-routes */
    private static final Set<String> PUBLIC = Set.of("post /api/v1/auth/register", "post /api/v1/auth/login",
            "post /api/v1/auth/refresh", "post /api/v1/auth/forgot-password", "post /api/v1/auth/reset-password",
            "post /api/v1/auth/verify-email", "get /.well-known/jwks.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void theGatewayDescribesEveryServicesRoutedPathsWithTheBearerScheme(LectaVeraSystem.Running system) {
        for (Map.Entry<String, List<String>> route : PREFIXES.entrySet()) {
            String service = route.getKey();
            JsonPath own = given().baseUri(system.management(service).toString()).get("/q/openapi?format=json")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Map<String, Object>> ownPaths = own.getMap("paths");
            List<String> routed = ownPaths.keySet().stream()
                    .filter(path -> route.getValue().stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/")))
                    .toList();
            assertTrue(!routed.isEmpty(), service + " describes no path the gateway routes to it");
            // The gateway fetches on start-up and then on an interval: wait until it has this service's paths.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> gatewayDescription(system).getMap("paths").keySet().containsAll(routed));

            JsonPath merged = gatewayDescription(system);
            for (String path : routed) {
                Map<String, Object> ownItem = ownPaths.get(path);
                Map<String, Object> mergedItem = merged.getMap("paths.'" + path + "'");
                for (String method : ownItem.keySet()) {
                    if (!METHODS.contains(method)) {
                        continue;
                    }
                    String operation = method + " " + path;
                    assertTrue(mergedItem.containsKey(method), service + ": " + operation + " missing at the gateway");
                    List<Object> security = merged.getList("paths.'" + path + "'." + method + ".security");
                    assertEquals(PUBLIC.contains(operation) ? List.of() : List.of(Map.of("bearer", List.of())), security, operation);
                }
            }
            Map<String, Object> ownSchemas = own.getMap("components.schemas");
            Map<String, Object> mergedSchemas = merged.getMap("components.schemas");
            if (ownSchemas != null) {
                for (String name : ownSchemas.keySet()) {
                    assertTrue(mergedSchemas.containsKey(name) || mergedSchemas.containsKey(service + "." + name),
                            service + ": schema " + name + " missing at the gateway");
                }
            }
        }
    }

    @Test
    void theDescriptionAndItsUiNeedNoTokenAndCarryTheBearerScheme(LectaVeraSystem.Running system) {
        JsonPath merged = gatewayDescription(system);
        assertEquals("bearer", merged.getString("components.securitySchemes.bearer.scheme"));
        assertEquals("JWT", merged.getString("components.securitySchemes.bearer.bearerFormat"));
        assertNotNull(merged.get("paths.'/api/v1/users/rate-limit-status'.get"), "the gateway's own endpoint");
        gateway(system).get("/api/v1/docs/").then()
                .statusCode(200).body(containsString("swagger-ui"));
        gateway(system).get("/api/v1/docs/swagger-ui-bundle.js").then().statusCode(200);
    }

    private static JsonPath gatewayDescription(LectaVeraSystem.Running system) {
        return gateway(system).get("/api/v1/openapi.json").then().statusCode(200).extract().jsonPath();
    }

    /**
     * Through the gateway as a client of its own address (the tests are the trusted proxy): these calls count in
     * the default class per address and must not share one with the other tests.
     */
    private static RequestSpecification gateway(LectaVeraSystem.Running system) {
        String address = "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        return given().baseUri(system.gateway().toString()).header("X-Forwarded-For", address);
    }
}
