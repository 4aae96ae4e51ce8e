package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/openapi.json}: the services' descriptions merged as the gateway routes them, with the bearer
 * scheme, served without a token (rate limited per address) and still whole when a service is down; Swagger UI at
 * {@code /api/v1/docs/}. The services' management interfaces are {@link FakeDescriptions}.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class ApiDescriptionTest {

    private static final List<String> ROUTED_PATHS = List.of("/api/v1/auth/login", "/api/v1/auth/register",
            "/api/v1/users/me", "/api/v1/documents", "/api/v1/documents/{id}", "/api/v1/study/sessions",
            "/api/v1/quiz/quizzes", "/api/v1/analytics/overview");

    @BeforeEach
    void everyServiceDescribed() {
        // analytics refuses its first fetches, as a service still starting: the gateway keeps asking until it answers.
        await().atMost(Duration.ofSeconds(20)).until(() -> description().getMap("paths").containsKey("/api/v1/analytics/overview"));
    }

    @Test
    void everyServicesPathsAppearAsTheGatewayRoutesThem() {
        Map<String, Object> paths = description().getMap("paths");
        for (String path : ROUTED_PATHS) {
            assertTrue(paths.containsKey(path), path);
        }
        assertTrue(paths.containsKey("/api/v1/users/rate-limit-status"), "the gateway's own endpoint");
        assertFalse(paths.containsKey("/internal/unrouted"), "a path the gateway does not route");
        assertFalse(paths.containsKey("/api/v1/documents/stray"), "auth's path under document's prefix is not auth's");
    }

    @Test
    void everyOperationNeedsTheBearerTokenExceptThePublicRoutes() {
        JsonPath description = description();
        assertEquals("http", description.getString("components.securitySchemes.bearer.type"));
        assertEquals("bearer", description.getString("components.securitySchemes.bearer.scheme"));
        assertEquals("JWT", description.getString("components.securitySchemes.bearer.bearerFormat"));
        assertNull(description.get("components.securitySchemes.SecurityScheme"), "the services' own schemes are gone");
        assertEquals(List.of(), description.getList("paths.'/api/v1/auth/login'.post.security"));
        assertEquals(List.of(), description.getList("paths.'/api/v1/auth/register'.post.security"));
        assertEquals(List.of(), description.getList("paths.'/api/v1/openapi.json'.get.security"));
        for (String operation : List.of("paths.'/api/v1/users/me'.get", "paths.'/api/v1/documents'.post",
                "paths.'/api/v1/quiz/quizzes'.get", "paths.'/api/v1/users/rate-limit-status'.get")) {
            assertEquals(List.of(Map.of("bearer", List.of())), description.getList(operation + ".security"), operation);
        }
    }

    @Test
    void componentsAreMergedWithoutCollisions() {
        JsonPath description = description();
        assertNull(description.get("components.schemas.Problem"), "two shapes under one name");
        assertNotNull(description.get("components.schemas.'auth.Problem'.properties.title"));
        assertNotNull(description.get("components.schemas.'document.Problem'.properties.detail"));
        assertEquals("#/components/schemas/auth.Problem",
                description.getString("paths.'/api/v1/users/me'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
        assertEquals("#/components/schemas/document.Problem",
                description.getString("paths.'/api/v1/documents/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
        assertNotNull(description.get("components.schemas.Page.properties.items"), "one shape: one shared name");
        assertEquals("#/components/schemas/Page",
                description.getString("paths.'/api/v1/study/sessions'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
        assertNotNull(description.get("components.schemas.Token"));
        assertNotNull(description.get("components.schemas.Overview"));
    }

    @Test
    void aServiceThatIsDownStaysDescribedByItsLastKnownDocument() {
        String quizOperation = "paths.'/api/v1/quiz/quizzes'.get";
        assertNotNull(description().get(quizOperation));
        int before = control("quiz", "down");
        try {
            // Refreshed at least twice while down, and still there.
            await().atMost(Duration.ofSeconds(10)).until(() -> control("quiz", "fetches") >= before + 2);
            assertNotNull(description().get(quizOperation));
            assertNotNull(description().get("components.schemas.Quiz"));
        } finally {
            control("quiz", "up");
        }
    }

    @Test
    void servedWithoutATokenAndRateLimitedPerAddressAsAPublicRoute() {
        String ip = TestClients.randomIp();
        for (int i = 0; i < 12; i++) {
            given().header(TestClients.FORWARDED_FOR, ip).get("/api/v1/openapi.json")
                    .then().statusCode(200)
                    .contentType("application/json")
                    .header("X-RateLimit-Limit", "12");
        }
        given().header(TestClients.FORWARDED_FOR, ip).get("/api/v1/docs/")
                .then().statusCode(429).contentType("application/problem+json");
        given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).header("Authorization", "Bearer not.a.token")
                .get("/api/v1/openapi.json").then().statusCode(200);
    }

    @Test
    void swaggerUiIsServedFromTheGatewayWithItsOwnAssets() {
        for (String page : List.of("/api/v1/docs/", "/api/v1/docs")) {
            given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).get(page)
                    .then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .body(containsString("/api/v1/docs/swagger-ui-bundle.js"));
        }
        given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).get("/api/v1/docs/docs.js")
                .then().statusCode(200).body(containsString("/api/v1/openapi.json"));
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css")) {
            given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).get("/api/v1/docs/" + asset)
                    .then().statusCode(200).header("Content-Length", s -> Integer.parseInt(s) > 1000, equalTo(true));
        }
        given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).get("/api/v1/docs/../docs/missing.js")
                .then().statusCode(404).contentType("application/problem+json");
        given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).post("/api/v1/openapi.json")
                .then().statusCode(405).header("Allow", "GET");
        // The UI jar's own copy of the assets is not served anywhere else on the public port.
        given().get("/openapi-ui/swagger-ui.css").then().statusCode(404);
        given().get("/openapi-ui/index.html").then().statusCode(404);
    }

    private static JsonPath description() {
        return given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).get("/api/v1/openapi.json")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The fake management interface's control: switch a service down/up, or read how often it was asked. */
    private static int control(String route, String action) {
        String base = ConfigProvider.getConfig().getValue(FakeUpstream.MANAGEMENT_URL, String.class);
        return Integer.parseInt(given().baseUri(base).port(-1).post("/control/" + route + "/" + action)
                .then().statusCode(200).extract().asString());
    }
}
