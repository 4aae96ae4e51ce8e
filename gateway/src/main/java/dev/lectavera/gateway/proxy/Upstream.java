package dev.lectavera.gateway.proxy;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.edge.Problems;
import dev.lectavera.gateway.edge.RequestIds;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;


/**
 * One upstream service: pooled HTTP clients, a Vert.x HTTP Proxy streaming requests and responses
 * through (bodies are never buffered, except the small auth bodies the edge has already read), a
 * circuit breaker, per-request timeouts; WebSocket upgrades go through its {@link WebSocketTunnel}.
 * <p>
 * Why around the proxy rather than SmallRye Fault Tolerance: the proxy is callback-driven and
 * streaming; annotations wrap a method returning a value, and there is no such method here. A
 * {@link ProxyInterceptor} sees exactly the two moments that matter — before the origin request
 * (breaker open → 503 at once) and when the upstream answered or failed (record, and turn a failure
 * into a 503 problem instead of the proxy's bare 502).
 */
public final class Upstream {

    private static final Handler<Throwable> IGNORE = failure -> {
    };
    /** Hashed once: removed from every response. */
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);

    private final Vertx vertx;
    private final Origins origins;
    private final long maxBodySize;
    private final WebSocketTunnel tunnel;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    private final Guard guard = new Guard();
    /**
     * One HTTP client and proxy per event loop: a request is then served, from the client socket through the
     * upstream connection and back, by one thread, with no hand-over between event loops (a shared pool hands
     * connections to whichever loop asks, and each crossing costs a selector wake-up).
     */
    private final FastThreadLocal<HttpProxy> proxyOfThisEventLoop = new FastThreadLocal<>() {
        @Override
        protected HttpProxy initialValue() {
            return HttpProxy.reverseProxy(vertx.createHttpClient(clientOptions, poolOptions))
                    .origin(context -> origins.request(context.client(), Origins.Origin::requestOptions)
                            // Failures reach the proxy through the response future; without a handler Vert.x would
                            // also log every reset (e.g. each client that hangs up) as an unhandled error.
                            .andThen(created -> {
                                if (created.succeeded()) {
                                    created.result().exceptionHandler(IGNORE);
                                }
                            }))
                    .addInterceptor(guard);
        }
    };
    private final CircuitBreaker breaker;
    private final UpstreamFailures failures;
    /** What the edge decided for the request, handed to the interceptor: ReverseProxy.handle calls it synchronously. */
    private final FastThreadLocal<Pending> pending = new FastThreadLocal<>();

    /** @param body the auth body the edge has read, or null */
    private record Pending(String uri, Buffer body) {
    }

    Upstream(String name, GatewayConfig.Route route, Vertx vertx) {
        this.vertx = vertx;
        long timeoutMillis = route.timeout().toMillis();
        long connectTimeoutMillis = route.connectTimeout().toMillis();
        this.maxBodySize = route.maxBodySize().asLongValue();
        this.origins = new Origins(name, route.upstream(), connectTimeoutMillis, timeoutMillis,
                route.ejectionTime().toNanos(), System::nanoTime);
        this.breaker = new CircuitBreaker(route.breaker().failureThreshold(), route.breaker().openDuration().toNanos(),
                System::nanoTime);
        this.failures = new UpstreamFailures(name, breaker);

        // Not traced itself: the edge has already put the gateway span's traceparent on the request it forwards.
        this.clientOptions = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) connectTimeoutMillis)
                .setIdleTimeout(60)
                .setTracingPolicy(TracingPolicy.IGNORE);
        this.poolOptions = new PoolOptions().setHttp1MaxSize(route.maxConnections());
        this.tunnel = new WebSocketTunnel(name, vertx, origins, failures, timeoutMillis, connectTimeoutMillis);
    }

    /**
     * Proxies a plain HTTP request. {@code uri}: what to ask the upstream for (the edge's normalised path and the
     * client's query); {@code bufferedBody}: the body when the edge had to read it, else null (the paused request
     * streams through).
     */
    public void forward(HttpServerRequest request, String uri, Buffer bufferedBody) {
        HttpProxy proxy = proxyOfThisEventLoop.get();
        pending.set(new Pending(uri, bufferedBody));
        try {
            proxy.handle(request);
        } finally {
            pending.set(null);
        }
    }

    /**
     * Tunnels a WebSocket upgrade ({@link WebSocketTunnel}).
     *
     * @param uri                     the URI to ask the upstream for
     * @param answerBearerSubprotocol the client offered the {@code bearer} subprotocol
     */
    public void tunnel(HttpServerRequest request, String uri, boolean answerBearerSubprotocol) {
        tunnel.open(request, uri, answerBearerSubprotocol);
    }

    /** The edge's URI and buffered auth body, breaker, 503 problem instead of 502, and the gateway's own response headers. */
    private final class Guard implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Pending decided = pending.get();
            pending.set(null);
            Buffer body = decided == null ? null : decided.body();
            if (decided != null) {
                context.request().setURI(decided.uri());
            }
            CappedBody capped = null;
            if (body != null) {
                context.request().setBody(Body.body(body));
            } else if (context.request().getBody().length() < 0 && mayHaveBody(context.request().getMethod())) {
                // No Content-Length (declared lengths were checked at the edge): count while streaming.
                capped = new CappedBody(context.request().getBody().stream(), maxBodySize);
                context.request().setBody(Body.body(capped));
            }
            if (!breaker.tryAcquire()) {
                return Future.succeededFuture(unavailable(context, true));
            }
            CappedBody streamed = capped;
            return context.sendRequest().transform(sent -> {
                if (sent.succeeded()) {
                    breaker.onSuccess();
                    return Future.succeededFuture(sent.result());
                }
                if (streamed != null && streamed.exceeded()) {
                    // The gateway cut the body off and reset the upstream request: the client's 413, not a failure.
                    breaker.release();
                    return Future.succeededFuture(tooLarge(context));
                }
                if (context.request().proxiedRequest().response().closed()) {
                    // The client went away and the proxy reset the upstream request: not the upstream's failure.
                    breaker.release();
                } else {
                    failures.failed(sent.cause());
                }
                return Future.succeededFuture(unavailable(context, false));
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            // The gateway owns the request id and CORS on the public side: drop the upstream's copies, no duplicates.
            ProxyResponse response = context.response();
            MultiMap headers = response.headers();
            headers.remove(REQUEST_ID);
            headers.remove(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
            headers.remove(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
            headers.remove(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS);
            if (response.getStatusCode() >= 400 && headers.get(HttpHeaders.CONTENT_TYPE) == null && isEmpty(response.getBody())) {
                // A bare error from a service's HTTP layer (e.g. the 413 that cuts off an upload streamed without a
                // length, before any application code runs): every error leaves the gateway as problem+json.
                HttpServerRequest request = context.request().proxiedRequest();
                int status = response.getStatusCode();
                headers.remove(HttpHeaders.CONTENT_LENGTH);
                headers.set(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE);
                response.setBody(Body.body(Problems.body(status, HttpResponseStatus.valueOf(status).reasonPhrase(),
                        status == 413 ? "The request body is over this endpoint's limit." : null,
                        request.path(), request.getHeader(RequestIds.HEADER))));
            }
            return context.sendResponse();
        }

        private static boolean mayHaveBody(HttpMethod method) {
            return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        }

        private static boolean isEmpty(Body body) {
            return body == null || body.length() == 0;
        }

        private ProxyResponse tooLarge(ProxyContext context) {
            HttpServerRequest request = context.request().proxiedRequest();
            // As for the edge's own refusals: the rest of the body is dropped, and the connection closed once the
            // client has stopped sending (or after a short linger), instead of reading an unbounded body to its end.
            request.response().endHandler(sent -> Problems.lingeringClose(request));
            return problem(context, 413, "Payload Too Large", Problems.bodyOverLimit(maxBodySize))
                    .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }

        private ProxyResponse unavailable(ProxyContext context, boolean circuitOpen) {
            ProxyResponse response = problem(context, 503, "Service Unavailable", failures.unavailableDetail(circuitOpen));
            if (circuitOpen) {
                response.putHeader(HttpHeaders.RETRY_AFTER, failures.retryAfterSeconds());
            }
            return response;
        }

        /** The gateway's own answer instead of the upstream's: the client's body is released, a problem goes back. */
        private static ProxyResponse problem(ProxyContext context, int status, String title, String detail) {
            HttpServerRequest request = context.request().proxiedRequest();
            return context.request().release().response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
                    .setBody(Body.body(Problems.body(status, title, detail, request.path(),
                            request.getHeader(RequestIds.HEADER))));
        }
    }
}
