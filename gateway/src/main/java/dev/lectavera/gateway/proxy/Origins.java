package dev.lectavera.gateway.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The instances of one upstream: round-robin, and an instance that refuses connections is left out for a
 * while. A refused or timed-out connection means nothing was sent, so the request moves to the next instance
 * whatever its method — a killed instance costs its clients nothing but one connect attempt.
 * <p>
 * In Kubernetes there is one origin (the Service balances); several matter where instances have their own
 * addresses: local runs, the system tests.
 */
final class Origins {

    private static final long NOT_EJECTED = 0;

    private final List<Origin> all;
    private final long ejectionNanos;
    private final LongSupplier clock;
    private final AtomicInteger next = new AtomicInteger();

    Origins(String name, List<URI> urls, long connectTimeoutMillis, long idleTimeoutMillis, long ejectionNanos,
            LongSupplier clock) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("gateway.routes." + name + ".upstream is empty");
        }
        this.all = urls.stream().map(url -> new Origin(url, connectTimeoutMillis, idleTimeoutMillis)).toList();
        this.ejectionNanos = ejectionNanos;
        this.clock = clock;
    }

    /** Opens a request on the next live instance; on a connect failure, on each other instance in turn. */
    Future<HttpClientRequest> request(HttpClient client, Function<Origin, RequestOptions> options) {
        if (all.size() == 1) {
            Origin only = all.get(0);
            return client.request(options.apply(only));
        }
        return attempt(client, options, order(next.getAndIncrement(), clock.getAsLong()), 0);
    }

    private Future<HttpClientRequest> attempt(HttpClient client, Function<Origin, RequestOptions> options,
                                              List<Origin> order, int index) {
        Origin origin = order.get(index);
        return client.request(options.apply(origin)).recover(failure -> {
            if (!isConnectFailure(failure)) {
                return Future.failedFuture(failure);
            }
            origin.ejectedUntil = clock.getAsLong() + ejectionNanos;
            return index + 1 < order.size()
                    ? attempt(client, options, order, index + 1)
                    : Future.failedFuture(failure);
        });
    }

    /** Every instance once, round-robin from the turn-th, the live ones first. */
    List<Origin> order(int turn, long now) {
        int size = all.size();
        int start = Math.floorMod(turn, size);
        List<Origin> live = new ArrayList<>(size);
        List<Origin> ejected = new ArrayList<>(1);
        for (int step = 0; step < size; step++) {
            Origin origin = all.get((start + step) % size);
            (origin.isEjected(now) ? ejected : live).add(origin);
        }
        live.addAll(ejected);
        return live;
    }

    List<Origin> all() {
        return all;
    }

    static boolean isConnectFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static final class Origin {
        private final URI url;
        private final SocketAddress address;
        private final String host;
        private final int port;
        private final long connectTimeoutMillis;
        /** Shared by every proxied request: immutable once built. */
        private final RequestOptions requestOptions;
        /** Written by whichever event loop saw the refusal; a stale read only costs one more connect attempt. */
        volatile long ejectedUntil = NOT_EJECTED;

        Origin(URI url, long connectTimeoutMillis, long idleTimeoutMillis) {
            this.url = url;
            this.host = url.getHost();
            this.port = url.getPort() > 0 ? url.getPort() : 80;
            this.address = SocketAddress.inetSocketAddress(port, host);
            this.connectTimeoutMillis = connectTimeoutMillis;
            this.requestOptions = new RequestOptions().setServer(address).setHost(host).setPort(port)
                    .setConnectTimeout(connectTimeoutMillis).setIdleTimeout(idleTimeoutMillis);
        }

        boolean isEjected(long now) {
            long until = ejectedUntil;
            return until != NOT_EJECTED && now - until < 0;
        }

        RequestOptions requestOptions() {
            return requestOptions;
        }

        RequestOptions tunnelOptions(String uri) {
            return new RequestOptions().setServer(address).setHost(host).setPort(port)
                    .setMethod(HttpMethod.GET).setURI(uri).setConnectTimeout(connectTimeoutMillis);
        }

        URI url() {
            return url;
        }
    }
}
