package dev.lectavera.gateway.proxy;

import dev.lectavera.gateway.apidocs.ApiDocsEndpoint;
import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.edge.EdgeHandler;
import dev.lectavera.gateway.edge.EdgePath;
import dev.lectavera.gateway.edge.RateLimitStatusEndpoint;
import dev.lectavera.gateway.trace.RequestTrace;
import dev.lectavera.gateway.trace.TracePropagation;
import dev.lectavera.gateway.web.WebAppFiles;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One handler in front of everything on the public port: the path is screened and normalised once
 * ({@link EdgeHandler#acceptedPath}), then the gateway's own endpoint {@code GET /api/v1/users/rate-limit-status}
 * ({@link RateLimitStatusEndpoint}), the API description and its UI ({@link ApiDocsEndpoint}), or the
 * {@link Upstream} whose prefix the normalised path is under (longest prefix first, through the {@link EdgeHandler})
 * takes the request; then the web client's files when they are served ({@link WebAppFiles}). Any other path is
 * answered 404 problem+json, except {@code /q/*}, left to the HTTP layer's own
 * routes (the operator endpoints when they are served on this port; otherwise 404 problem+json as well). No route
 * may serve {@code /q}: operator endpoints are never proxied.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /**
     * Right after the CORS filter (filter priority 300: route order -300) and before Quarkus' HTTP security handlers
     * (authentication -200, authorization -100) and Quarkus REST's: the gateway authenticates every request itself
     * (proactive authentication is off, no permission policy exists, no JAX-RS resource is served on this port), but
     * those handlers still built a Mutiny pipeline with context propagation for every request (docs/PERFORMANCE.md).
     * {@code /q/*} is passed on to them and to Quarkus' own routes.
     */
    static final int PROXY_ROUTE_ORDER = -250;

    /** @param metricUri the {@code uri} tag of the HTTP metrics for the paths under the prefix ({@code <prefix>/*}) */
    private record Mounted(String prefix, Upstream upstream, long maxBodySize, String metricUri) {
        Mounted(String prefix, Upstream upstream, long maxBodySize) {
            this(prefix, upstream, maxBodySize, prefix + "/*");
        }

        boolean serves(String path) {
            return isUnder(prefix, path);
        }
    }

    private final GatewayConfig config;
    private final EdgeHandler edge;
    private final RateLimitStatusEndpoint rateLimitStatus;
    private final ApiDocsEndpoint apiDocs;
    private final WebAppFiles webApp;
    private final TracePropagation traces;
    private final Vertx vertx;
    private List<Mounted> mounted = List.of();

    ProxyRoutes(GatewayConfig config, EdgeHandler edge, RateLimitStatusEndpoint rateLimitStatus, ApiDocsEndpoint apiDocs,
                WebAppFiles webApp, TracePropagation traces, Vertx vertx) {
        this.config = config;
        this.edge = edge;
        this.rateLimitStatus = rateLimitStatus;
        this.apiDocs = apiDocs;
        this.webApp = webApp;
        this.traces = traces;
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        List<Mounted> routes = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            GatewayConfig.Route route = entry.getValue();
            Upstream upstream = new Upstream(entry.getKey(), route, vertx);
            long maxBodySize = route.maxBodySize().asLongValue();
            for (String prefix : route.prefixes()) {
                routes.add(new Mounted(checkedPrefix(entry.getKey(), prefix), upstream, maxBodySize));
            }
            LOG.infof("Routing %s to %s (%s, timeout %s, breaker after %d failures)", route.prefixes(), route.upstream(),
                    entry.getKey(), route.timeout(), route.breaker().failureThreshold());
        }
        routes.sort(Comparator.comparingInt((Mounted m) -> m.prefix().length()).reversed());
        mounted = List.copyOf(routes);
        router.route().order(PROXY_ROUTE_ORDER).handler(this::dispatch);
        router.route().last().handler(edge::notFound);
    }

    private void dispatch(RoutingContext rc) {
        RequestTrace trace = traces.begin(rc.request());
        String path = edge.acceptedPath(rc.request());
        if (path == null) {
            return; // refused with 400
        }
        Mounted route = routeOf(path);
        if (route != null) {
            MetricUri.set(rc, path.length() == route.prefix().length() ? route.prefix() : route.metricUri());
        }
        if (path.equals(RateLimitStatusEndpoint.PATH) && rc.request().method() == HttpMethod.GET) {
            rateLimitStatus.handle(rc);
        } else if (ApiDocsEndpoint.serves(path)) {
            apiDocs.handle(rc, path);
        } else if (route != null) {
            edge.proxy(rc, route.upstream(), route.maxBodySize(), path, trace);
        } else if (webApp.serves(path)) {
            webApp.handle(rc, path);
        } else if (path.equals("/q") || path.startsWith("/q/")) {
            rc.next(); // Quarkus' operator endpoints, when they are served on this port
        } else {
            // Nothing else: in particular no static files the class path may carry (the Swagger UI jar's own copy).
            edge.notFound(rc);
        }
    }

    private Mounted routeOf(String path) {
        for (Mounted route : mounted) {
            if (route.serves(path)) {
                return route;
            }
        }
        return null;
    }

    /**
     * The route the proxy sends a (normalised) path to, by name, or null when none does: longest prefix first, as
     * {@link #install} mounts them (the API description takes each path from the service that really serves it).
     */
    public static Function<String, String> routeOfPath(Map<String, GatewayConfig.Route> routes) {
        List<Map.Entry<String, String>> prefixes = new ArrayList<>();
        routes.forEach((name, route) -> route.prefixes().forEach(prefix -> prefixes.add(Map.entry(checkedPrefix(name, prefix), name))));
        prefixes.sort(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getKey().length()).reversed());
        return path -> {
            for (Map.Entry<String, String> prefix : prefixes) {
                if (isUnder(prefix.getKey(), path)) {
                    return prefix.getValue();
                }
            }
            return null;
        };
    }

    private static boolean isUnder(String prefix, String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** A prefix as the edge compares paths: normalised, absolute, and never the operator endpoints' {@code /q}. */
    static String checkedPrefix(String routeName, String prefix) {
        String normal = EdgePath.problemIn(prefix) == null ? EdgePath.normalise(prefix) : null;
        if (normal == null || normal.equals("/")) {
            throw new IllegalArgumentException("gateway.routes." + routeName + ".prefixes: '" + prefix + "' is not a path prefix");
        }
        if (normal.equals("/q") || normal.startsWith("/q/")) {
            throw new IllegalArgumentException("gateway.routes." + routeName + ".prefixes: '" + prefix
                    + "' is under /q, the operator endpoints, which the gateway never proxies");
        }
        return normal;
    }
}
