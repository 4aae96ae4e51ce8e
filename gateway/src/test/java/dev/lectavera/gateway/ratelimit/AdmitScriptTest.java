package dev.lectavera.gateway.ratelimit;

import dev.lectavera.gateway.TestRedis;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-request Lua script against the real Redis: the same arithmetic as {@link Gcra}, all buckets or none. */
class AdmitScriptTest {

    private static final long TEN_MINUTES = 600_000_000L;

    @RegisterExtension
    final TestRedis redis = new TestRedis();

    @Test
    void aBurstOfTheLimitPassesThenRefusalWithRetryAfterOneInterval() throws Exception {
        String key = "lv:rl:test:" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            Response reply = admit(key, 3, 60_000_000L);
            assertEquals(1, reply.get(0).toInteger());
            assertEquals(3 - i, reply.get(1).toInteger());
            assertEquals(0, reply.get(2).toLong());
        }
        Response refused = admit(key, 3, 60_000_000L);
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
    void severalBucketsPassOnlyTogetherAndARefusalConsumesNone() throws Exception {
        String roomy = "lv:rl:test:" + UUID.randomUUID();
        String tight = "lv:rl:test:" + UUID.randomUUID();
        Response first = send(multi(roomy, 10, tight, 2));
        assertEquals(1, first.get(0).toInteger());
        assertEquals(1, first.get(1).toInteger(), "remaining of the tightest bucket");
        assertEquals(2, first.get(4).toInteger(), "the numbers are the tight bucket's");
        assertEquals(1, send(multi(roomy, 10, tight, 2)).get(0).toInteger());

        Response refused = send(multi(roomy, 10, tight, 2));
        assertEquals(0, refused.get(0).toInteger());
        assertEquals(2, refused.get(4).toInteger(), "refused by the tight bucket");
        // The roomy bucket was charged twice, not three times: 8 of 10 left.
        Response alone = send(Request.cmd(Command.EVAL).arg(AdmissionControl.ADMIT.text()).arg(1).arg(roomy)
                .arg(1).arg(10).arg(TEN_MINUTES));
        assertEquals(7, alone.get(1).toInteger());
    }

    private static Request multi(String first, int firstLimit, String second, int secondLimit) {
        return Request.cmd(Command.EVAL).arg(AdmissionControl.ADMIT.text()).arg(2).arg(first).arg(second)
                .arg(2).arg(firstLimit).arg(TEN_MINUTES).arg(secondLimit).arg(TEN_MINUTES);
    }

    private Response admit(String key, int limit, long periodMicros) throws Exception {
        return send(Request.cmd(Command.EVAL).arg(AdmissionControl.ADMIT.text()).arg(1).arg(key)
                .arg(1).arg(limit).arg(periodMicros));
    }

    private Response send(Request request) throws Exception {
        return redis.send(request);
    }
}
