package dev.lectavera.study.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Redis is short-term memory here, never the only copy: every use goes through this class, which turns a failure
 * into the caller's fallback value. After a failure Redis is left alone for a few seconds, so an outage costs
 * each request nothing instead of a connection timeout per call.
 */
@ApplicationScoped
public class BestEffortRedis {

    private static final Logger LOG = Logger.getLogger(BestEffortRedis.class);
    private static final long COOL_DOWN_MS = 3_000;

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    private volatile long skipUntil;

    BestEffortRedis(RedisDataSource redis, ReactiveRedisDataSource reactive) {
        this.redis = redis;
        this.reactive = reactive;
    }

    public boolean available() {
        return System.currentTimeMillis() >= skipUntil;
    }

    /** Redis answered just now elsewhere (e.g. a subscription was confirmed): end the cool-down early. */
    public void answered() {
        skipUntil = 0;
    }

    /** @return the operation's result, or {@code whenDown} when Redis is unreachable or failed */
    public <T> T call(String what, Function<RedisDataSource, T> operation, T whenDown) {
        if (!available()) {
            return whenDown;
        }
        try {
            return operation.apply(redis);
        } catch (RuntimeException e) {
            failed(what, e);
            return whenDown;
        }
    }

    /** @return whether the operation ran */
    public boolean run(String what, Consumer<RedisDataSource> operation) {
        return call(what, r -> {
            operation.accept(r);
            return Boolean.TRUE;
        }, Boolean.FALSE);
    }

    /**
     * Starts the operation now and hands its answer over later ({@link CompletableFuture#join()}), so that the
     * caller does other work while Redis answers. A failure (the client's own timeout included) completes it with
     * {@code whenDown} and starts the cool-down, as {@link #call} would.
     */
    public <T> CompletableFuture<T> start(String what, Function<ReactiveRedisDataSource, Uni<T>> operation,
                                          T whenDown) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (!available()) {
            answer.complete(whenDown);
            return answer;
        }
        try {
            operation.apply(reactive).subscribe().with(answer::complete, failure -> {
                failed(what, failure);
                answer.complete(whenDown);
            });
        } catch (RuntimeException e) {
            failed(what, e);
            answer.complete(whenDown);
        }
        return answer;
    }

    /**
     * Starts the operation without waiting for its answer; a failure only starts the cool-down. Only for writes
     * whose loss, delay or reordering the readers detect themselves.
     */
    public void runLater(String what, Function<ReactiveRedisDataSource, Uni<?>> operation) {
        if (!available()) {
            return;
        }
        try {
            operation.apply(reactive).subscribe().with(ignored -> {
            }, failure -> failed(what, failure));
        } catch (RuntimeException e) {
            failed(what, e);
        }
    }

    private void failed(String what, Throwable e) {
        boolean wasAvailable = available();
        skipUntil = System.currentTimeMillis() + COOL_DOWN_MS;
        if (wasAvailable) {
            LOG.warnf("Redis unavailable (%s), continuing without it: %s", what, e.toString());
        } else {
            LOG.debugf("Redis unavailable (%s): %s", what, e.toString());
        }
    }
}
