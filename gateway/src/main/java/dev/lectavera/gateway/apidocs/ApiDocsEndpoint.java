package dev.lectavera.gateway.apidocs;

import dev.lectavera.gateway.edge.EdgeResponses;
import dev.lectavera.gateway.edge.Problems;
import dev.lectavera.gateway.edge.RateSubjects;
import dev.lectavera.gateway.ratelimit.AdmissionControl;
import dev.lectavera.gateway.ratelimit.RateCharge;
import dev.lectavera.gateway.ratelimit.RateClass;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/openapi.json} (the merged description, {@link ApiDescriptions}) and {@code /api/v1/docs/}
 * (Swagger UI on it; its assets from the {@code smallrye-open-api-ui} jar, read once at start-up, nothing from a
 * CDN). No token is asked for; like the public routes they count in the default class of the caller's address.
 */
@ApplicationScoped
public class ApiDocsEndpoint {

    public static final String DESCRIPTION_PATH = "/api/v1/openapi.json";
    public static final String UI_PATH = "/api/v1/docs";
    private static final String SWAGGER_UI_ASSETS = "META-INF/resources/openapi-ui/";

    private record Asset(Buffer content, String contentType) {
    }

    private final ApiDescriptions descriptions;
    private final AdmissionControl admission;
    private final RateSubjects subjects;
    /** File name under /api/v1/docs/ → content; "" is the page itself. Nothing else is served there. */
    private final Map<String, Asset> assets = new HashMap<>();

    ApiDocsEndpoint(ApiDescriptions descriptions, AdmissionControl admission, RateSubjects subjects) {
        this.descriptions = descriptions;
        this.admission = admission;
        this.subjects = subjects;
        assets.put("", load("apidocs/index.html", "text/html; charset=utf-8"));
        assets.put("docs.js", load("apidocs/docs.js", "text/javascript; charset=utf-8"));
        assets.put("swagger-ui.css", load(SWAGGER_UI_ASSETS + "swagger-ui.css", "text/css; charset=utf-8"));
        assets.put("swagger-ui-bundle.js", load(SWAGGER_UI_ASSETS + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"));
        assets.put("swagger-ui-standalone-preset.js",
                load(SWAGGER_UI_ASSETS + "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8"));
    }

    /** The (normalised) paths answered here. */
    public static boolean serves(String path) {
        return path.equals(DESCRIPTION_PATH) || path.equals(UI_PATH) || path.startsWith(UI_PATH + "/");
    }

    public void handle(RoutingContext rc, String path) {
        HttpServerRequest request = rc.request();
        EdgeResponses.prepare(request);
        if (request.method() != HttpMethod.GET) {
            request.response().putHeader(HttpHeaders.ALLOW, "GET");
            Problems.send(request, 405, "Method Not Allowed", "Only GET is served here.");
            return;
        }
        ContextInternal context = (ContextInternal) rc.vertx().getOrCreateContext();
        RateCharge[] charges = {new RateCharge(RateClass.DEFAULT, subjects.ip(request))};
        admission.admit(context, charges).onComplete(decided -> {
            if (EdgeResponses.passes(request, decided.result())) {
                serve(request, path);
            }
        });
    }

    private void serve(HttpServerRequest request, String path) {
        if (path.equals(DESCRIPTION_PATH)) {
            request.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .end(descriptions.merged());
            return;
        }
        Asset asset = assets.get(path.equals(UI_PATH) ? "" : path.substring(UI_PATH.length() + 1));
        if (asset == null) {
            Problems.send(request, 404, "Not Found", "No API endpoint at this path.");
            return;
        }
        request.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(asset.content());
    }

    private static Asset load(String resource, String contentType) {
        try (InputStream in = ApiDocsEndpoint.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new Asset(Buffer.buffer(in.readAllBytes()), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
    }
}
