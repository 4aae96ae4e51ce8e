package dev.lectavera.gateway.apidocs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Merges the services' OpenAPI documents into one description of the public API as the gateway serves it:
 * <ul>
 *   <li>a path is taken from a service only when the gateway routes it to that service (longest prefix, as the
 *   proxy), so a service's unrouted endpoints and another service's prefixes never show;</li>
 *   <li>every operation needs the {@value #BEARER_SCHEME} scheme (a JWT), except the gateway's public routes
 *   (register, login, refresh, JWKS...), which say {@code security: []};</li>
 *   <li>components are merged by name; a name two services define with different shapes is prefixed with each
 *   service's name ({@code auth.Problem}, {@code document.Problem}) and that service's references follow it;
 *   an operation id used by two services likewise.</li>
 * </ul>
 * Pure: documents in, document out.
 */
public final class ApiDescriptionMerger {

    /** The one security scheme of the merged document (the name the gateway's own description already uses). */
    public static final String BEARER_SCHEME = "bearer";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String COMPONENTS_REF = "#/components/";

    /**
     * One source document.
     *
     * @param name      the route (service) name, used as tag and as prefix on colliding names
     * @param document  its OpenAPI document
     * @param allRoutes the gateway's own document: every path kept (not filtered by routing), its security as declared
     */
    public record Source(String name, JsonObject document, boolean allRoutes) {
    }

    private final Function<String, String> routeOfPath;
    private final BiPredicate<String, String> isPublic;

    /**
     * @param routeOfPath the route the gateway sends a path to (null: not routed)
     * @param isPublic    whether a method (upper case) and path pass without a token
     */
    public ApiDescriptionMerger(Function<String, String> routeOfPath, BiPredicate<String, String> isPublic) {
        this.routeOfPath = routeOfPath;
        this.isPublic = isPublic;
    }

    /**
     * @param sources     the documents known now, in a stable order, the gateway's own first
     * @param undescribed routes whose service has not answered yet (named in the description)
     */
    public JsonObject merge(List<Source> sources, List<String> undescribed) {
        Map<String, Map<String, String>> refRenames = componentRenames(sources);
        Set<String> sharedOperationIds = operationIdsUsedTwice(sources);

        Map<String, JsonObject> paths = new TreeMap<>();
        Map<String, Map<String, Object>> components = new TreeMap<>();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        String version = "3.0.3";
        for (Source source : sources) {
            JsonObject document = source.document().copy();
            Map<String, String> renames = refRenames.getOrDefault(source.name(), Map.of());
            rewriteRefs(document, renames);
            version = later(version, document.getString("openapi", version));
            for (Object tag : document.getJsonArray("tags", new JsonArray())) {
                if (tag instanceof JsonObject named && named.getString("name") != null) {
                    tags.putIfAbsent(named.getString("name"), named);
                }
            }
            JsonObject sourcePaths = document.getJsonObject("paths", new JsonObject());
            for (String path : sourcePaths.fieldNames()) {
                if (source.allRoutes()) {
                    paths.put(path, described(source, path, sourcePaths.getJsonObject(path), sharedOperationIds));
                } else if (source.name().equals(routeOfPath.apply(path))) {
                    // A path the gateway answers itself (rate-limit-status, under auth's prefix) stays the gateway's.
                    paths.putIfAbsent(path, described(source, path, sourcePaths.getJsonObject(path), sharedOperationIds));
                }
            }
            JsonObject sourceComponents = document.getJsonObject("components", new JsonObject());
            for (String kind : sourceComponents.fieldNames()) {
                if (kind.equals("securitySchemes") || !(sourceComponents.getValue(kind) instanceof JsonObject named)) {
                    continue;
                }
                for (String name : named.fieldNames()) {
                    String finalName = renames.getOrDefault(COMPONENTS_REF + kind + "/" + name, COMPONENTS_REF + kind + "/" + name)
                            .substring(COMPONENTS_REF.length() + kind.length() + 1);
                    components.computeIfAbsent(kind, k -> new TreeMap<>()).put(finalName, named.getValue(name));
                }
            }
        }

        JsonObject merged = new JsonObject()
                .put("openapi", version)
                .put("info", new JsonObject()
                        .put("title", "LectaVera API")
                        .put("version", "1")
                        .put("description", description(undescribed)));
        if (!tags.isEmpty()) {
            merged.put("tags", new JsonArray(new ArrayList<>(tags.values())));
        }
        merged.put("security", bearer());
        merged.put("paths", new JsonObject(new LinkedHashMap<>(paths)));
        JsonObject mergedComponents = new JsonObject();
        components.forEach((kind, named) -> mergedComponents.put(kind, new JsonObject(new LinkedHashMap<>(named))));
        mergedComponents.put("securitySchemes", new JsonObject().put(BEARER_SCHEME, new JsonObject()
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "The access token from POST /api/v1/auth/login or /refresh.")));
        merged.put("components", mergedComponents);
        return merged;
    }

    /** A path item with the gateway's security on each operation, the service as default tag, unique operation ids. */
    private JsonObject described(Source source, String path, JsonObject item, Set<String> sharedOperationIds) {
        JsonObject described = item.copy();
        described.remove("servers");
        for (String field : item.fieldNames()) {
            if (!METHODS.contains(field) || !(described.getValue(field) instanceof JsonObject operation)) {
                continue;
            }
            operation.remove("servers");
            if (!(source.allRoutes() && operation.containsKey("security"))) { // the gateway's own say it themselves
                operation.put("security", isPublic.test(field.toUpperCase(Locale.ROOT), path) ? new JsonArray() : bearer());
            }
            if (operation.getJsonArray("tags", new JsonArray()).isEmpty()) {
                operation.put("tags", new JsonArray().add(source.name()));
            }
            String operationId = operation.getString("operationId");
            if (operationId != null && sharedOperationIds.contains(operationId)) {
                operation.put("operationId", source.name() + "." + operationId);
            }
        }
        return described;
    }

    /**
     * Per source: {@code #/components/<kind>/<name>} → its new reference, for every name that two sources define
     * with different shapes (identical definitions are simply shared).
     */
    private static Map<String, Map<String, String>> componentRenames(List<Source> sources) {
        Map<String, Map<String, Object>> shapesByRef = new HashMap<>();
        for (Source source : sources) {
            JsonObject components = source.document().getJsonObject("components", new JsonObject());
            for (String kind : components.fieldNames()) {
                if (kind.equals("securitySchemes") || !(components.getValue(kind) instanceof JsonObject named)) {
                    continue;
                }
                for (String name : named.fieldNames()) {
                    shapesByRef.computeIfAbsent(COMPONENTS_REF + kind + "/" + name, ref -> new LinkedHashMap<>())
                            .put(source.name(), named.getValue(name));
                }
            }
        }
        Map<String, Map<String, String>> renames = new HashMap<>();
        shapesByRef.forEach((ref, shapes) -> {
            if (!allEqual(shapes.values())) {
                int nameStart = ref.lastIndexOf('/') + 1;
                shapes.keySet().forEach(service -> renames.computeIfAbsent(service, s -> new HashMap<>())
                        .put(ref, ref.substring(0, nameStart) + service + "." + ref.substring(nameStart)));
            }
        });
        return renames;
    }

    private static boolean allEqual(Iterable<Object> shapes) {
        Object first = null;
        for (Object shape : shapes) {
            if (first == null) {
                first = shape;
            } else if (!first.equals(shape)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> operationIdsUsedTwice(List<Source> sources) {
        Map<String, String> firstUser = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Source source : sources) {
            JsonObject paths = source.document().getJsonObject("paths", new JsonObject());
            for (String path : paths.fieldNames()) {
                if (!(paths.getValue(path) instanceof JsonObject item)) {
                    continue;
                }
                for (String field : item.fieldNames()) {
                    if (METHODS.contains(field) && item.getValue(field) instanceof JsonObject operation
                            && operation.getString("operationId") != null) {
                        String user = firstUser.putIfAbsent(operation.getString("operationId"), source.name());
                        if (user != null && !user.equals(source.name())) {
                            shared.add(operation.getString("operationId"));
                        }
                    }
                }
            }
        }
        return shared;
    }

    /** Replaces every {@code $ref} found in {@code renames}, anywhere in the tree. */
    private static void rewriteRefs(Object node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof JsonObject object) {
            for (String field : object.fieldNames()) {
                Object value = object.getValue(field);
                if (field.equals("$ref") && value instanceof String ref && renames.containsKey(ref)) {
                    object.put(field, renames.get(ref));
                } else {
                    rewriteRefs(value, renames);
                }
            }
        } else if (node instanceof JsonArray array) {
            for (Object value : array) {
                rewriteRefs(value, renames);
            }
        }
    }

    private static JsonArray bearer() {
        return new JsonArray().add(new JsonObject().put(BEARER_SCHEME, new JsonArray()));
    }

    /** The later of two OpenAPI versions ("3.0.3" < "3.1.0"). */
    private static String later(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int compared;
            try {
                compared = Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]));
            } catch (NumberFormatException e) {
                compared = left[i].compareTo(right[i]);
            }
            if (compared != 0) {
                return compared > 0 ? a : b;
            }
        }
        return left.length >= right.length ? a : b;
    }

    private static String description(List<String> undescribed) {
        String text = "The public API of LectaVera as the gateway serves it: every service's endpoints under their"
                + " gateway paths. Every operation needs `Authorization: Bearer <access token>` except those marked"
                + " without security (sign-up, login, token refresh, password reset, the JWKS).";
        return undescribed.isEmpty() ? text
                : text + " Not described right now (the service has not answered yet): " + String.join(", ", undescribed) + ".";
    }
}
