package dev.lectavera.gateway.ratelimit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * One long-lived, pipelined Redis connection per event loop, for the call every proxied request makes.
 * A Vert.x Redis client keeps all its connections on the event loop it was created on, so with the
 * shared client every call from another loop would cross threads twice (a selector wake-up each way).
 * Here each event loop lazily creates its own client, on its own thread, and keeps one connection
 * open: the call stays on the request's thread. A connection that fails or closes is dropped and the
 * next call opens a new one.
 */
final class RedisLanes {

    private static final class Lane {
        final Redis client;
        volatile RedisConnection connection;
        volatile Future<RedisConnection> connecting;

        Lane(Redis client) {
            this.client = client;
        }
    }

    private final FastThreadLocal<Lane> lanes;

    RedisLanes(Vertx vertx, RedisOptions options) {
        this.lanes = new FastThreadLocal<>() {
            @Override
            protected Lane initialValue() {
                return new Lane(Redis.createClient(vertx, new RedisOptions(options)));
            }
        };
    }

    /** Opens every event loop's connection now, so the first requests after start-up do not pay for it. */
    void openAll(Vertx vertx) {
        VertxInternal internal = (VertxInternal) vertx;
        for (EventExecutor executor : internal.nettyEventLoopGroup()) {
            ContextInternal context = internal.createEventLoopContext((EventLoop) executor, internal.getWorkerPool(),
                    Thread.currentThread().getContextClassLoader());
            context.runOnContext(v -> connect(lanes.get()));
        }
    }

    Future<Response> send(Request request) {
        Lane lane = lanes.get();
        RedisConnection connection = lane.connection;
        if (connection != null) {
            return connection.send(request);
        }
        return connect(lane).compose(opened -> opened.send(request));
    }

    /** Whether this event loop has an open connection (else the next call also pays for opening one). */
    boolean connected() {
        return lanes.get().connection != null;
    }

    /** After a failed call: the next call of this event loop starts on a fresh connection. */
    void dropCurrent() {
        Lane lane = lanes.get();
        RedisConnection connection = lane.connection;
        if (connection != null) {
            drop(lane, connection);
        }
    }

    private static Future<RedisConnection> connect(Lane lane) {
        Future<RedisConnection> connecting = lane.connecting;
        if (connecting == null) {
            connecting = lane.client.connect();
            lane.connecting = connecting;
            connecting.onComplete(opened -> {
                lane.connecting = null;
                if (opened.succeeded()) {
                    RedisConnection connection = opened.result();
                    lane.connection = connection;
                    connection.exceptionHandler(failure -> drop(lane, connection));
                    connection.endHandler(end -> drop(lane, connection));
                }
            });
        }
        return connecting;
    }

    private static void drop(Lane lane, RedisConnection connection) {
        if (lane.connection == connection) {
            lane.connection = null;
            connection.close();
        }
    }
}
