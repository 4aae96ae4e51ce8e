package dev.lectavera.gateway.ratelimit;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * How many gateway instances share the rate-limit buckets, for the lease size (lease.lua divides what is left among
 * them): every instance notes itself in the sorted set {@code lv:gw:instances} every {@link #BEAT}, scored by its
 * clock, and counts the members seen within {@link #STALE}. Until the first answer it counts one; a wrong count only
 * changes lease sizes, never what is admitted.
 */
final class GatewayInstances {

    static final String KEY = "lv:gw:instances";
    static final Duration BEAT = Duration.ofSeconds(5);
    private static final Duration STALE = Duration.ofSeconds(15);

    private final String id = UUID.randomUUID().toString();
    private volatile int count = 1;

    int count() {
        return count;
    }

    void beat(Redis redis) {
        long now = System.currentTimeMillis();
        redis.batch(List.of(
                        Request.cmd(Command.ZADD).arg(KEY).arg(now).arg(id),
                        Request.cmd(Command.ZREMRANGEBYSCORE).arg(KEY).arg("-inf").arg(now - STALE.toMillis()),
                        Request.cmd(Command.ZCARD).arg(KEY),
                        Request.cmd(Command.PEXPIRE).arg(KEY).arg(STALE.toMillis())))
                .onSuccess(replies -> count = Math.max(1, replies.get(2).toInteger()));
    }

    /** Leaves the count at shutdown, so the others' leases grow back at once. */
    void leave(Redis redis) {
        redis.send(Request.cmd(Command.ZREM).arg(KEY).arg(id));
    }
}
