package dev.lectavera.gateway.ratelimit;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Lua script against the real Redis: the same arithmetic as {@link Gcra}, plus the revocation check. */
class AdmitScriptTest {

    private Vertx vertx;
    private Redis redis;

    @BeforeEach
    void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, "redis://127.0.0.1:6379");
    }

    @AfterEach
    void close() {
        redis.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aBurstOfTheLimitPassesThenRefusalWithRetryAfterOneInterval() throws Exception {
        String key = "lv:rl:test:" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            Response reply = admit(key, null, 3, 60_000_000L);
            assertEquals(1, reply.get(0).toInteger());
            assertEquals(3 - i, reply.get(1).toInteger());
            assertEquals(0, reply.get(2).toLong());
        }
        Response refused = admit(key, null, 3, 60_000_000L);
        assertEquals(0, refused.get(0).toInteger());
        assertEquals(0, refused.get(1).toInteger());
        long retryAfter = refused.get(2).toLong();
        assertTrue(retryAfter > 19_000_000L && retryAfter <= 20_000_000L, "about one interval (20 s): " + retryAfter);
        long reset = refused.get(3).toLong();
        assertTrue(reset > 59_000_000L && reset <= 60_000_000L, "about one period: " + reset);

        long ttl = send(Request.cmd(Command.PTTL).arg(key)).toLong();
        assertTrue(ttl > 59_000 && ttl <= 60_000, "the key expires when the bucket is full again: " + ttl);
    }

    @Test
    void aRevokedTokenIsReportedAndNotCounted() throws Exception {
        String key = "lv:rl:test:" + UUID.randomUUID();
        String revoked = "lv:revoked:" + UUID.randomUUID();
        send(Request.cmd(Command.SETEX).arg(revoked).arg(60).arg("1"));

        assertEquals(-1, admit(key, revoked, 3, 60_000_000L).get(0).toInteger());
        assertEquals(0, send(Request.cmd(Command.EXISTS).arg(key)).toInteger(), "nothing counted");
        assertEquals(1, admit(key, "lv:revoked:" + UUID.randomUUID(), 3, 60_000_000L).get(0).toInteger());
    }

    private Response admit(String key, String revocationKey, int limit, long periodMicros) throws Exception {
        Request request = Request.cmd(Command.EVAL).arg(AdmissionControl.ADMIT_SCRIPT).arg(revocationKey == null ? 1 : 2).arg(key);
        if (revocationKey != null) {
            request.arg(revocationKey);
        }
        return send(request.arg(limit).arg(periodMicros));
    }

    private Response send(Request request) throws Exception {
        return redis.send(request).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
