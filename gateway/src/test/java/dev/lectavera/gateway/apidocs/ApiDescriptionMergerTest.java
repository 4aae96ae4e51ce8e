package dev.lectavera.gateway.apidocs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiDescriptionMergerTest {

    /** /a/* goes to "a", /b/* to "b"; POST /a/login is public. */
    private final ApiDescriptionMerger merger = new ApiDescriptionMerger(
            path -> path.startsWith("/a/") ? "a" : path.startsWith("/b/") ? "b" : null,
            (method, path) -> method.equals("POST") && path.equals("/a/login"));

    @Test
    void anOperationIdTwoServicesUseIsPrefixedPerServiceAndAUniqueOneKept() {
        JsonObject merged = merger.merge(List.of(
                source("a", "3.0.3", new JsonObject().put("/a/items", op("get", "list")).put("/a/login", op("post", "login"))),
                source("b", "3.1.0", new JsonObject().put("/b/items", op("get", "list")))), List.of());
        JsonObject paths = merged.getJsonObject("paths");
        assertEquals("a.list", paths.getJsonObject("/a/items").getJsonObject("get").getString("operationId"));
        assertEquals("b.list", paths.getJsonObject("/b/items").getJsonObject("get").getString("operationId"));
        assertEquals("login", paths.getJsonObject("/a/login").getJsonObject("post").getString("operationId"));
        assertEquals("3.1.0", merged.getString("openapi"), "the later version of the sources");
    }

    @Test
    void operationsGetTheGatewaysSecurityServersAreDroppedAndUntaggedOnesNamedForTheirService() {
        JsonObject item = op("get", "x");
        item.put("servers", new JsonArray().add(new JsonObject().put("url", "http://a:8081")));
        JsonObject merged = merger.merge(List.of(source("a", "3.1.0",
                new JsonObject().put("/a/items", item).put("/a/login", op("post", "login")))), List.of());
        JsonObject items = merged.getJsonObject("paths").getJsonObject("/a/items");
        assertNull(items.getValue("servers"));
        assertEquals(new JsonArray().add(new JsonObject().put("bearer", new JsonArray())), items.getJsonObject("get").getJsonArray("security"));
        assertEquals(new JsonArray().add("a"), items.getJsonObject("get").getJsonArray("tags"));
        assertEquals(new JsonArray(), merged.getJsonObject("paths").getJsonObject("/a/login").getJsonObject("post").getJsonArray("security"));
    }

    @Test
    void aServiceNotDescribedYetIsNamedAndNothingOfItIsInvented() {
        JsonObject merged = merger.merge(List.of(source("a", "3.1.0", new JsonObject().put("/a/items", op("get", "x")))), List.of("b"));
        assertTrue(merged.getJsonObject("info").getString("description").contains("Not described right now"));
        assertTrue(merged.getJsonObject("info").getString("description").endsWith(": b."));
        assertFalse(merged.getJsonObject("paths").fieldNames().stream().anyMatch(path -> path.startsWith("/b/")));
    }

    @Test
    void aPathTheGatewayAnswersItselfStaysTheGatewaysEvenUnderAServicesPrefix() {
        JsonObject own = new JsonObject().put("openapi", "3.0.3").put("paths", new JsonObject()
                .put("/a/status", op("get", "status")));
        JsonObject merged = merger.merge(List.of(new ApiDescriptionMerger.Source("gateway", own, true),
                source("a", "3.1.0", new JsonObject().put("/a/status", op("get", "serviceStatus")))), List.of());
        assertEquals("status", merged.getJsonObject("paths").getJsonObject("/a/status").getJsonObject("get").getString("operationId"));
    }

    private static ApiDescriptionMerger.Source source(String name, String version, JsonObject paths) {
        return new ApiDescriptionMerger.Source(name, new JsonObject().put("openapi", version).put("paths", paths), false);
    }

    private static JsonObject op(String method, String operationId) {
        return new JsonObject().put(method, new JsonObject().put("operationId", operationId)
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK"))));
    }
}
