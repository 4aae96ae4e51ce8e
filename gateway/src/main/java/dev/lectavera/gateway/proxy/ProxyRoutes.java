package dev.lectavera.gateway.proxy;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.edge.EdgeHandler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Mounts one {@link Upstream} per configured route on its path prefixes, each request going through
 * the {@link EdgeHandler} first, plus the gateway's own endpoint {@code GET /api/v1/users/rate-limit-status}.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /** Before Quarkus REST's own routes, after the HTTP layer's filters (CORS, forwarded headers). */
    static final int PROXY_ROUTE_ORDER = 1_000;

    private final GatewayConfig config;
    private final EdgeHandler edge;
    private final Vertx vertx;

    ProxyRoutes(GatewayConfig config, EdgeHandler edge, Vertx vertx) {
        this.config = config;
        this.edge = edge;
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        // Before the auth-service prefix /api/v1/users: this path is the gateway's own.
        router.get(EdgeHandler.RATE_LIMIT_STATUS_PATH).order(PROXY_ROUTE_ORDER - 1).handler(edge::rateLimitStatus);
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            GatewayConfig.Route route = entry.getValue();
            Upstream upstream = new Upstream(entry.getKey(), route, vertx);
            long maxBodySize = route.maxBodySize().asLongValue();
            for (String prefix : route.prefixes()) {
                router.route(prefix + "/*").order(PROXY_ROUTE_ORDER).handler(rc -> edge.proxy(rc, upstream, maxBodySize));
            }
            LOG.infof("Routing %s to %s (%s, timeout %s, breaker after %d failures)", route.prefixes(), route.upstream(),
                    entry.getKey(), route.timeout(), route.breaker().failureThreshold());
        }
    }
}
