package dev.lectavera.gateway;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The services' management interfaces as far as the API description is concerned: {@code GET /<route>/q/openapi}
 * answers a small OpenAPI document per route. auth and document both define {@code Problem}, with different
 * shapes; document and study define {@code Page} alike; auth also lists a path under document's prefix and one the
 * gateway does not route. analytics answers 503 to its first three requests (a service still starting). Tests
 * switch a service off and on with {@code POST /control/<route>/down|up} and read how often it was asked with
 * {@code GET /control/<route>/fetches}.
 */
final class FakeDescriptions {

    private static final int ANALYTICS_STARTS_AFTER = 3;

    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();

    void answer(HttpServerRequest request) {
        String[] parts = request.path().split("/");
        if (parts.length == 4 && parts[1].equals("control")) {
            String route = parts[2];
            switch (parts[3]) {
                case "down" -> down.put(route, true);
                case "up" -> down.remove(route);
                default -> {
                }
            }
            request.response().end(Integer.toString(fetches.computeIfAbsent(route, r -> new AtomicInteger()).get()));
            return;
        }
        String route = parts.length > 1 ? parts[1] : "";
        int fetch = fetches.computeIfAbsent(route, r -> new AtomicInteger()).incrementAndGet();
        JsonObject document = documentOf(route);
        if (document == null || down.containsKey(route) || (route.equals("analytics") && fetch <= ANALYTICS_STARTS_AFTER)) {
            request.response().setStatusCode(503).end();
            return;
        }
        request.response().putHeader("content-type", "application/json").end(document.encode());
    }

    private static JsonObject documentOf(String route) {
        return switch (route) {
            case "auth" -> document("Auth",
                    new JsonObject()
                            .put("/api/v1/auth/login", operation("post", "Token"))
                            .put("/api/v1/auth/register", operation("post", "Problem"))
                            .put("/api/v1/users/me", operation("get", "Problem"))
                            .put("/api/v1/documents/stray", operation("get", "Problem"))
                            .put("/internal/unrouted", operation("get", "Problem")),
                    new JsonObject()
                            .put("Problem", object("title"))
                            .put("Token", object("accessToken")));
            case "document" -> document("Document",
                    new JsonObject()
                            .put("/api/v1/documents", operation("get", "Page").mergeIn(operation("post", "Document")))
                            .put("/api/v1/documents/{id}", operation("get", "Problem")),
                    new JsonObject()
                            .put("Problem", object("detail"))
                            .put("Document", object("id"))
                            .put("Page", object("items")));
            case "study" -> document("Study",
                    new JsonObject().put("/api/v1/study/sessions", operation("get", "Page")),
                    new JsonObject().put("Page", object("items")));
            case "quiz" -> document("Quiz",
                    new JsonObject().put("/api/v1/quiz/quizzes", operation("get", "Quiz")),
                    new JsonObject().put("Quiz", object("questions")));
            case "analytics" -> document("Analytics",
                    new JsonObject().put("/api/v1/analytics/overview", operation("get", "Overview")),
                    new JsonObject().put("Overview", object("minutes")));
            default -> null;
        };
    }

    private static JsonObject document(String title, JsonObject paths, JsonObject schemas) {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "LectaVera " + title + " API").put("version", "1"))
                .put("paths", paths)
                .put("components", new JsonObject()
                        .put("schemas", schemas)
                        .put("securitySchemes", new JsonObject().put("SecurityScheme", new JsonObject().put("type", "http"))));
    }

    private static JsonObject operation(String method, String schema) {
        return new JsonObject().put(method, new JsonObject()
                .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray())))
                .put("responses", new JsonObject().put("200", new JsonObject()
                        .put("description", "OK")
                        .put("content", new JsonObject().put("application/json", new JsonObject()
                                .put("schema", new JsonObject().put("$ref", "#/components/schemas/" + schema)))))));
    }

    private static JsonObject object(String property) {
        return new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put(property, new JsonObject().put("type", "string")));
    }
}
