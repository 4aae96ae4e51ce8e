package dev.lectavera.gateway.ratelimit;

import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The request path's Redis connections are built by the gateway, not by Quarkus, so they must be handed
 * {@code quarkus.redis.password} explicitly, or they would fail against a Redis that requires one (the local test
 * Redis requires none, so this is checked on the options each event loop's client is created with).
 */
class RedisLanesOptionsTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void everyLaneConnectsWithTheConfiguredPassword() {
        RedisOptions options = RedisLanes.options("redis://redis.internal:6379", Optional.of("s3cret"));
        RedisLanes lanes = new RedisLanes(vertx, options, 250, 1000);

        RedisOptions lane = lanes.laneOptions();
        assertEquals("s3cret", lane.getPassword());
        assertEquals("redis://redis.internal:6379", lane.getEndpoint());
        // the caller's options object changing later does not reach the lanes
        options.setPassword("changed");
        assertEquals("s3cret", lanes.laneOptions().getPassword());
    }

    @Test
    void withoutAPasswordTheLanesSendNone() {
        assertNull(new RedisLanes(vertx, RedisLanes.options("redis://localhost:6379", Optional.empty()), 250, 1000)
                .laneOptions().getPassword());
        assertNull(RedisLanes.options("redis://localhost:6379", Optional.of("")).getPassword());
    }
}
