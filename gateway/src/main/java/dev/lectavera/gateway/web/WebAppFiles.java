package dev.lectavera.gateway.web;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.edge.EdgeResponses;
import dev.lectavera.gateway.edge.Problems;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The student's single-page app ({@code web/dist}) on {@code /}, same-origin with the API, when
 * {@code gateway.web.directory} is set. A file of the directory is served as is; any other path that names no file
 * (no dot in its last segment, e.g. {@code /library} or {@code /reader/…}) gets {@code index.html}, so the app's
 * URLs survive a reload. Never for {@code /api}, {@code /ws}, {@code /q} or {@code /.well-known}: those stay the
 * routes' (and a 404 problem+json when none serves them).
 */
@ApplicationScoped
public class WebAppFiles {

    private static final Logger LOG = Logger.getLogger(WebAppFiles.class);
    private static final String[] NEVER_SERVED = {"/api", "/ws", "/q", "/.well-known"};
    /** Vite puts content-hashed file names under assets/: a new build has new names, so they may be kept a year. */
    private static final String HASHED_ASSETS = "/assets/";
    /**
     * Scripts only from this origin (no inline script, no eval); pdf.js' worker from this origin; sockets to this origin
     * ({@code 'self'} covers ws/wss of the same host); styles may be inline (the app and pdf.js set element styles).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; worker-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final Optional<Path> directory;
    private final Vertx vertx;

    WebAppFiles(GatewayConfig config, Vertx vertx) {
        this.directory = config.web().directory().map(dir -> dir.toAbsolutePath().normalize());
        this.vertx = vertx;
        directory.ifPresent(dir -> LOG.infof("Serving the web client from %s on /", dir));
    }

    /** Whether this (normalised) path is the web client's: a directory is configured and no API prefix is under it. */
    public boolean serves(String path) {
        if (directory.isEmpty()) {
            return false;
        }
        for (String prefix : NEVER_SERVED) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        return true;
    }

    /** Answers a path {@link #serves} accepted; the path is normalised, so it has no {@code ..} segment. */
    public void handle(RoutingContext rc, String path) {
        HttpServerRequest request = rc.request();
        EdgeResponses.prepare(request);
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            request.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            Problems.send(request, 405, "Method Not Allowed", "The web client is only read.");
            return;
        }
        Path root = directory.orElseThrow();
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) {
            Problems.send(request, 404, "Not Found", "No such file.");
            return;
        }
        vertx.fileSystem().props(file.toString()).onComplete(props -> {
            if (props.succeeded() && props.result().isRegularFile()) {
                send(request, file, path.startsWith(HASHED_ASSETS) ? "public, max-age=31536000, immutable" : "no-cache");
            } else if (isAppRoute(path)) {
                send(request, root.resolve("index.html"), "no-cache");
            } else {
                Problems.send(request, 404, "Not Found", "No such file.");
            }
        });
    }

    /** An app URL rather than a missing file: no dot in its last segment ({@code /reader/abc}, not {@code /x.js}). */
    static boolean isAppRoute(String path) {
        return !path.startsWith(HASHED_ASSETS) && path.substring(path.lastIndexOf('/') + 1).indexOf('.') < 0;
    }

    private static void send(HttpServerRequest request, Path file, String cacheControl) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        HttpServerResponse response = request.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"))
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        response.sendFile(file.toString()).onFailure(failure -> {
            if (!response.headWritten()) {
                Problems.send(request, 404, "Not Found", "No such file.");
            }
        });
    }
}
