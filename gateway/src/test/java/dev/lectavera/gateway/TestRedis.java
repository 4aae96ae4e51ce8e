package dev.lectavera.gateway;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.TimeUnit;

/**
 * A client of the real Redis (dev/stack, 127.0.0.1:6379) for tests that look at or seed keys directly; as a
 * {@code @RegisterExtension} field it closes itself after each test.
 */
public final class TestRedis implements AutoCloseable, AfterEachCallback {

    private final Vertx vertx = Vertx.vertx();
    // Room for tests that send a few hundred calls at once.
    private final Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379")
            .setMaxPoolSize(8).setMaxPoolWaiting(512));

    public Redis client() {
        return redis;
    }

    /** Sends one command and waits (10 s at most) for its reply. */
    public Response send(Request request) throws Exception {
        return redis.send(request).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        redis.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
