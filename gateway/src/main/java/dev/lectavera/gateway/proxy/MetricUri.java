package dev.lectavera.gateway.proxy;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The {@code uri} tag of a request's HTTP server metrics ({@code http_server_requests_seconds}), one per route
 * prefix ({@code /api/v1/documents/*}), never per id. Quarkus' Micrometer binder takes it from the request context's
 * {@code UrlPathTemplate}, as Quarkus REST sets it for its resources: set here once the edge has found the route, it
 * saves the binder's {@code match-patterns} regular expressions on every request (docs/PERFORMANCE.md).
 */
final class MetricUri {

    /** The context-local key Quarkus' Micrometer binder reads (HttpRequestMetric). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private MetricUri() {
    }

    static void set(RoutingContext rc, String uri) {
        ((HttpServerRequestInternal) rc.request()).context().putLocal(URL_PATH_TEMPLATE, uri);
    }
}
