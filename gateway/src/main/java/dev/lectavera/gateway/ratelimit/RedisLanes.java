package dev.lectavera.gateway.ratelimit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.ThreadExecutorMap;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One long-lived, pipelined Redis connection per event loop, for the rate-limit calls of the request path.
 * A Vert.x Redis client keeps all its connections on the event loop it was created on, so with the
 * shared client every call from another loop would cross threads twice (a selector wake-up each way).
 * Here each event loop lazily creates its own client, on its own thread, and keeps one connection
 * open: the call stays on the request's thread. A connection that fails or closes is dropped and the
 * next call opens a new one.
 * <p>
 * Calls are not written one by one: those made while the event loop handles one round of ready sockets
 * are sent together, as one pipelined write, when that round is over (a task queued on the loop runs
 * after its I/O). Under load that turns a write system call per request, on both sides, into one per
 * round, and one timeout timer per round instead of one per request.
 */
final class RedisLanes {

    static final TimeoutException TIMEOUT = new TimeoutException("no answer from Redis in time");

    private final class Lane {
        final Redis client;
        final EventLoop eventLoop;
        volatile RedisConnection connection;
        volatile Future<RedisConnection> connecting;
        /** Calls waiting for the end of the loop's current round; touched by the lane's own thread only. */
        List<Request> pending = new ArrayList<>();
        List<Promise<Response>> waiting = new ArrayList<>();
        final Runnable flush = this::flush;

        Lane(Redis client, EventLoop eventLoop) {
            this.client = client;
            this.eventLoop = eventLoop;
        }

        void add(Request request, Promise<Response> promise) {
            if (pending.isEmpty()) {
                eventLoop.execute(flush);
            }
            pending.add(request);
            waiting.add(promise);
        }

        private void flush() {
            List<Request> requests = pending;
            List<Promise<Response>> promises = waiting;
            if (requests.isEmpty()) {
                return;
            }
            pending = new ArrayList<>(requests.size());
            waiting = new ArrayList<>(promises.size());
            RedisConnection open = connection;
            long timeout = open != null ? commandTimeoutMillis : connectTimeoutMillis;
            ScheduledFuture<?> timer = eventLoop.schedule(() -> {
                if (fail(promises, TIMEOUT)) {
                    dropCurrent(this); // a silent connection (half-open TCP) must not be the one the next call uses
                }
            }, timeout, TimeUnit.MILLISECONDS);
            Future<RedisConnection> ready = open != null ? Future.succeededFuture(open) : connect(this);
            ready.compose(connection -> requests.size() == 1
                            ? connection.send(requests.get(0)).map(List::of)
                            : connection.batch(requests))
                    .onComplete(replies -> {
                        timer.cancel(false);
                        if (replies.succeeded()) {
                            List<Response> responses = replies.result();
                            for (int i = 0; i < promises.size(); i++) {
                                promises.get(i).tryComplete(responses.get(i));
                            }
                        } else {
                            if (!isScriptMissing(replies.cause())) {
                                dropCurrent(this);
                            }
                            fail(promises, replies.cause());
                        }
                    });
        }
    }

    private final FastThreadLocal<Lane> lanes;
    private final RedisOptions options;
    private final long commandTimeoutMillis;
    private final long connectTimeoutMillis;

    RedisLanes(Vertx vertx, RedisOptions options, long commandTimeoutMillis, long connectTimeoutMillis) {
        this.options = new RedisOptions(options);
        this.commandTimeoutMillis = commandTimeoutMillis;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.lanes = new FastThreadLocal<>() {
            @Override
            protected Lane initialValue() {
                // Only ever asked on an event loop thread (see send): the lane belongs to that loop.
                return new Lane(Redis.createClient(vertx, laneOptions()), (EventLoop) ThreadExecutorMap.currentExecutor());
            }
        };
    }

    /**
     * The lanes' options: the first of Quarkus' {@code quarkus.redis.hosts} and its {@code quarkus.redis.password}
     * (these connections are built here, not by Quarkus, so nothing else would hand them the password), with room
     * for one event loop's pipelined load.
     */
    static RedisOptions options(String connectionString, Optional<String> password) {
        RedisOptions options = new RedisOptions().setConnectionString(connectionString)
                .setMaxWaitingHandlers(4096).setMaxPoolSize(4).setMaxPoolWaiting(4096);
        password.filter(value -> !value.isEmpty()).ifPresent(options::setPassword);
        return options;
    }

    /** A copy per lane: each event loop's client gets its own options. */
    RedisOptions laneOptions() {
        return new RedisOptions(options);
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

    /**
     * Queues a call for this round's pipelined write. Completes on {@code context}; fails when Redis does not
     * answer within the command timeout (the connect timeout while the connection is being opened).
     * Must be called on an event loop thread (every request is handled on one).
     */
    Future<Response> send(ContextInternal context, Request request) {
        Promise<Response> promise = context.promise();
        if (!context.isEventLoopContext() || !context.nettyEventLoop().inEventLoop()) {
            context.runOnContext(v -> lanes.get().add(request, promise));
        } else {
            lanes.get().add(request, promise);
        }
        return promise.future();
    }

    private static boolean fail(List<Promise<Response>> promises, Throwable cause) {
        boolean any = false;
        for (Promise<Response> promise : promises) {
            any |= promise.tryFail(cause);
        }
        return any;
    }

    static boolean isScriptMissing(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.contains("NOSCRIPT");
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

    private static void dropCurrent(Lane lane) {
        RedisConnection connection = lane.connection;
        if (connection != null) {
            drop(lane, connection);
        }
    }

    private static void drop(Lane lane, RedisConnection connection) {
        if (lane.connection == connection) {
            lane.connection = null;
            connection.close();
        }
    }
}
