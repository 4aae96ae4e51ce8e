package dev.lectavera.gateway.proxy;

import dev.lectavera.gateway.edge.RequestIds;
import dev.lectavera.gateway.security.BearerTokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.tracing.TracingPolicy;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * WebSocket upgrades to one upstream: the upgrade request is sent on with the client's headers (the edge has already
 * left only the verified token in them), the upstream's 101 is answered and then raw bytes are piped both ways; a
 * refusal by the upstream (401, 404...) is passed on; the upstream down or silent → 503. Shares its upstream's
 * instances ({@link Origins}) and circuit breaker with the HTTP path.
 */
final class WebSocketTunnel {

    private static final Logger LOG = Logger.getLogger(WebSocketTunnel.class);

    private final String name;
    private final Vertx vertx;
    private final Origins origins;
    private final UpstreamFailures failures;
    private final long handshakeTimeoutMillis;
    private final HttpClient client;

    WebSocketTunnel(String name, Vertx vertx, Origins origins, UpstreamFailures failures, long handshakeTimeoutMillis,
                    long connectTimeoutMillis) {
        this.name = name;
        this.vertx = vertx;
        this.origins = origins;
        this.failures = failures;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        // A tunnelled WebSocket may be quiet for long: no idle timeout on its connection. (Keep-alive must stay on:
        // without it the client adds "Connection: close" and the upstream refuses the upgrade.) Not traced itself:
        // the edge has put the gateway span's traceparent on the upgrade.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) connectTimeoutMillis)
                .setTracingPolicy(TracingPolicy.IGNORE), new PoolOptions().setHttp1MaxSize(1_000));
    }

    /**
     * @param uri                     the URI to ask the upstream for
     * @param answerBearerSubprotocol the client offered the {@code bearer} subprotocol: when the upstream
     *                                selects none, the gateway answers {@code bearer} so browsers accept the upgrade
     */
    void open(HttpServerRequest request, String uri, boolean answerBearerSubprotocol) {
        if (!failures.breaker().tryAcquire()) {
            failures.sendUnavailable(request, true);
            return;
        }
        origins.request(client, origin -> origin.tunnelOptions(uri)).onComplete(created -> {
            if (created.failed()) {
                failures.failed(created.cause());
                failures.sendUnavailable(request, false);
                return;
            }
            HttpClientRequest upstreamRequest = created.result();
            for (Map.Entry<String, String> header : request.headers()) {
                String headerName = header.getKey();
                if (!headerName.equalsIgnoreCase("host") && !headerName.equalsIgnoreCase("connection")) {
                    upstreamRequest.headers().add(headerName, header.getValue());
                }
            }
            upstreamRequest.headers().set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
            long handshakeTimer = vertx.setTimer(handshakeTimeoutMillis,
                    id -> upstreamRequest.reset(0, new TimeoutException("no WebSocket handshake from " + name)));
            upstreamRequest.connect().onComplete(connected -> {
                vertx.cancelTimer(handshakeTimer);
                if (connected.failed()) {
                    failures.failed(connected.cause());
                    failures.sendUnavailable(request, false);
                    return;
                }
                failures.breaker().onSuccess();
                HttpClientResponse upstreamResponse = connected.result();
                if (upstreamResponse.statusCode() == 101) {
                    join(request, upstreamResponse, answerBearerSubprotocol);
                } else {
                    passRefusal(request, upstreamResponse);
                }
            });
            if (request.isEnded()) {
                upstreamRequest.end();
            } else {
                request.handler(upstreamRequest::write);
                request.endHandler(v -> upstreamRequest.end());
                request.resume();
            }
        });
    }

    private void join(HttpServerRequest request, HttpClientResponse upstreamResponse, boolean answerBearerSubprotocol) {
        HttpServerResponse response = request.response();
        response.setStatusCode(101);
        for (Map.Entry<String, String> header : upstreamResponse.headers()) {
            if (!header.getKey().equalsIgnoreCase(RequestIds.HEADER)) {
                response.headers().add(header.getKey(), header.getValue());
            }
        }
        if (answerBearerSubprotocol && !response.headers().contains(BearerTokens.SUBPROTOCOL_HEADER)) {
            response.headers().set(BearerTokens.SUBPROTOCOL_HEADER, BearerTokens.BEARER_SUBPROTOCOL);
        }
        NetSocket upstreamSocket = upstreamResponse.netSocket();
        request.toNetSocket().onComplete(accepted -> {
            if (accepted.failed()) {
                upstreamSocket.close();
                return;
            }
            NetSocket clientSocket = accepted.result();
            clientSocket.pipeTo(upstreamSocket).onComplete(done -> upstreamSocket.close());
            upstreamSocket.pipeTo(clientSocket).onComplete(done -> clientSocket.close());
        });
    }

    private void passRefusal(HttpServerRequest request, HttpClientResponse upstreamResponse) {
        LOG.debugf("%s refused a WebSocket upgrade on %s: %d", name, request.path(), upstreamResponse.statusCode());
        upstreamResponse.body().onComplete(body -> {
            HttpServerResponse response = request.response();
            if (response.ended()) {
                return;
            }
            response.setStatusCode(upstreamResponse.statusCode());
            String contentType = upstreamResponse.getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType != null) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
            }
            response.end(body.succeeded() ? body.result() : Buffer.buffer());
        });
    }
}
