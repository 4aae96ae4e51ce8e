package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The web client on {@code /} (gateway.web.directory set): files as they are, index.html for the app's own URLs,
 * long caching only for hashed assets, the CSP on every file, and the API, socket and operator paths never shadowed.
 */
@QuarkusTest
@TestProfile(WebAppFilesTest.WithWebClient.class)
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class WebAppFilesTest {

    @TestHTTPResource("/")
    URI gateway;

    public static class WithWebClient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dist = Files.createTempDirectory("lv-web-dist");
                Files.writeString(dist.resolve("index.html"), "<!doctype html><title>LectaVera</title><div id=app></div>");
                Files.createDirectories(dist.resolve("assets"));
                Files.writeString(dist.resolve("assets/index-AbC123.js"), "console.log('app')");
                Files.writeString(dist.resolve("favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
                return Map.of("gateway.web.directory", dist.toString(), "gateway.rate-limit.default.limit", "100000");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theAppIsServedWithItsPolicy() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("'unsafe-inline'; worker")))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<title>LectaVera</title>"));
    }

    @Test
    void hashedAssetsAreCachedForAYearOtherFilesAreRevalidated() {
        given().get("/assets/index-AbC123.js").then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .body(equalTo("console.log('app')"));
        given().get("/favicon.svg").then().statusCode(200).contentType(containsString("image/svg+xml"))
                .header("Cache-Control", "no-cache");
    }

    @Test
    void theAppsOwnUrlsSurviveAReload() {
        for (String path : List.of("/library", "/reader/0b7c3c38-0000-4000-8000-000000000000", "/study/s/1",
                "/verify-email", "/quizzes/")) {
            given().queryParam("token", "x").get(path).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .body(containsString("<title>LectaVera</title>"));
        }
    }

    @Test
    void aMissingFileIsA404NotTheApp() {
        for (String path : List.of("/assets/gone-123.js", "/missing.png", "/assets/chunk")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void apiSocketAndOperatorPathsAreNeverTheApp() {
        for (String path : List.of("/api", "/api/v1/nothing-here", "/ws", "/ws/other", "/q/metrics", "/.well-known/other")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        // A routed path stays the route's: without a token the edge answers 401, never the app.
        given().get("/api/v1/documents").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void noFileIsReachableOutsideTheDirectory() {
        for (String target : List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/../../../etc/hostname")) {
            TestClients.RawResponse response = TestClients.raw(gateway, "GET", target, null);
            assertFalse(response.body().contains("root:"), target);
        }
    }

    @Test
    void theAppIsOnlyRead() {
        given().post("/library").then().statusCode(405).header("Allow", "GET, HEAD");
    }
}
