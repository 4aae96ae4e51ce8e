package dev.lectavera.gateway.proxy;

import dev.lectavera.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Map;

/**
 * Mounts one reverse proxy (Vert.x HTTP Proxy, REST and WebSocket) per upstream on the
 * configured path prefixes. Requests stream through: bodies are never buffered here.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /** Before Quarkus REST's own routes, after the HTTP layer's CORS and request-id handlers. */
    static final int PROXY_ROUTE_ORDER = 1_000;

    private final GatewayConfig config;
    private final Vertx vertx;

    ProxyRoutes(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            GatewayConfig.Route route = entry.getValue();
            URI upstream = route.upstream();
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setKeepAlive(true)
                    .setConnectTimeout(2_000)
                    .setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(200));
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(upstream.getPort(), upstream.getHost());
            for (String prefix : route.prefixes()) {
                router.route(prefix + "/*").order(PROXY_ROUTE_ORDER).handler(rc -> proxy.handle(rc.request()));
            }
            LOG.infof("Routing %s to %s (%s)", route.prefixes(), upstream, entry.getKey());
        }
    }
}
