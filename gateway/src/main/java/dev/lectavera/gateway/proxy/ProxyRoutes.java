package dev.lectavera.gateway.proxy;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.edge.EdgeHandler;
import dev.lectavera.gateway.edge.EdgePath;
import dev.lectavera.gateway.edge.RateLimitStatusEndpoint;
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

/**
 * One handler in front of everything on the public port: the path is screened and normalised once
 * ({@link EdgeHandler#acceptedPath}), then the gateway's own endpoint {@code GET /api/v1/users/rate-limit-status}
 * ({@link RateLimitStatusEndpoint}) or the {@link Upstream} whose prefix the normalised path is under (longest prefix
 * first, through the {@link EdgeHandler}) takes the request. Any other path is left to the HTTP layer's own routes (the {@code /q} operator
 * endpoints when they are served on this port) and, when nothing takes it, answered 404 problem+json. No route
 * may serve {@code /q}: operator endpoints are never proxied.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /** Before Quarkus' own routes, after the HTTP layer's filters (CORS). */
    static final int PROXY_ROUTE_ORDER = 1_000;

    private record Mounted(String prefix, Upstream upstream, long maxBodySize) {
        boolean serves(String path) {
            return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }
    }

    private final GatewayConfig config;
    private final EdgeHandler edge;
    private final RateLimitStatusEndpoint rateLimitStatus;
    private final Vertx vertx;
    private List<Mounted> mounted = List.of();

    ProxyRoutes(GatewayConfig config, EdgeHandler edge, RateLimitStatusEndpoint rateLimitStatus, Vertx vertx) {
        this.config = config;
        this.edge = edge;
        this.rateLimitStatus = rateLimitStatus;
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
        String path = edge.acceptedPath(rc.request());
        if (path == null) {
            return; // refused with 400
        }
        if (path.equals(RateLimitStatusEndpoint.PATH) && rc.request().method() == HttpMethod.GET) {
            rateLimitStatus.handle(rc);
            return;
        }
        for (Mounted route : mounted) {
            if (route.serves(path)) {
                edge.proxy(rc, route.upstream(), route.maxBodySize(), path);
                return;
            }
        }
        rc.next();
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
