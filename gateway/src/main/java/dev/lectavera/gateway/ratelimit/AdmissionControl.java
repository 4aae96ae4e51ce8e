package dev.lectavera.gateway.ratelimit;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.log.ThrottledWarning;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides whether a request may pass: is its token revoked, is its caller over the limit of the
 * request's class. Both questions go to Redis in one round trip (one Lua script: EXISTS on
 * {@code lv:revoked:{jti}}, then a GCRA step on {@code lv:rl:{class}:{subject}}), so the hot path
 * costs one Redis call, made on a connection of the request's own event loop ({@link RedisLanes}).
 * The script is atomic, so concurrent requests of one caller on any number of gateway instances
 * never overshoot the limit.
 * <p>
 * Redis unreachable, erroring or slower than {@code gateway.redis.command-timeout}: the request is
 * decided by the in-memory {@link LocalRateLimiter} with the same limits, revocation is not checked
 * (the token dies at its expiry, 15 min at most), a throttled warning is logged, and the gateway
 * stays on the fallback for {@code gateway.redis.retry-after} before one request probes Redis again.
 * Nothing here ever fails a request because of Redis.
 */
@ApplicationScoped
public class AdmissionControl {

    private static final Logger LOG = Logger.getLogger(AdmissionControl.class);

    public static final String REVOKED_PREFIX = "lv:revoked:";
    public static final String RATE_PREFIX = "lv:rl:";

    /*
     * KEYS[1]: the caller's key in one class; KEYS[2] (optional): lv:revoked:{jti}
     * ARGV[1]: limit; ARGV[2]: period in microseconds
     * Returns {code, remaining, retry-after µs, reset µs}; code 1 = allowed, 0 = limited, -1 = revoked.
     * Redis' own clock (TIME) keeps all gateway instances on one time line; the TAT is stored as an
     * integer string (string.format %d: tostring would turn 1.7e15 into a rounded exponent form).
     */
    static final String ADMIT_SCRIPT = """
            if KEYS[2] and redis.call('EXISTS', KEYS[2]) == 1 then
              return {-1, 0, 0, 0}
            end
            local limit = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local interval = math.max(1, math.floor(period / limit))
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local stored = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
            local tat = math.max(stored, now)
            local newTat = tat + interval
            local allowAt = newTat - period
            if allowAt > now then
              return {0, 0, allowAt - now, tat - now}
            end
            redis.call('SET', KEYS[1], string.format('%d', newTat), 'PX', math.ceil((newTat - now) / 1000))
            return {1, math.min(limit, math.floor((now - allowAt) / interval)), 0, newTat - now}
            """;

    private static final TimeoutException REDIS_TIMEOUT = new TimeoutException("no answer from Redis in time");

    private final Redis redis;
    private final RedisLanes lanes;
    private final Vertx vertx;
    private final boolean limiting;
    private final Map<RateClass, GatewayConfig.Limit> limits = new EnumMap<>(RateClass.class);
    private final int[] limitOf = new int[RateClass.values().length];
    private final long[] periodMicrosOf = new long[RateClass.values().length];
    private final long commandTimeoutMillis;
    private final long connectTimeoutMillis;
    private final long retryAfterNanos;
    private final LocalRateLimiter local;
    private final ThrottledWarning redisWarning;
    private final String admitSha;
    /** 0 while Redis is believed up; otherwise the nanoTime until which the fallback is used without asking Redis. */
    private final AtomicLong redisDownUntil = new AtomicLong();
    private long sweepTimer = -1;

    /**
     * @param redisHosts    Quarkus' own {@code quarkus.redis.hosts} (the first is used by the request path's lanes)
     * @param redisPassword Quarkus' own {@code quarkus.redis.password}
     */
    AdmissionControl(Redis redis, Vertx vertx, GatewayConfig config,
                     @ConfigProperty(name = "quarkus.redis.hosts") List<String> redisHosts,
                     @ConfigProperty(name = "quarkus.redis.password") Optional<String> redisPassword) {
        this.redis = redis;
        RedisOptions laneOptions = RedisLanes.options(redisHosts.get(0), redisPassword);
        this.vertx = vertx;
        GatewayConfig.RateLimit rateLimit = config.rateLimit();
        this.limiting = rateLimit.enabled();
        limits.put(RateClass.CHAT, rateLimit.chat());
        limits.put(RateClass.AUTH, rateLimit.auth());
        limits.put(RateClass.UPLOAD, rateLimit.upload());
        limits.put(RateClass.SEARCH, rateLimit.search());
        limits.put(RateClass.DEFAULT, rateLimit.other());
        limits.forEach((rateClass, limit) -> {
            if (limit.limit() < 1 || limit.period().toMillis() < 1) {
                throw new IllegalArgumentException("gateway.rate-limit." + rateClass.label() + " needs limit >= 1 and a period >= 1ms");
            }
            limitOf[rateClass.ordinal()] = limit.limit();
            periodMicrosOf[rateClass.ordinal()] = limit.period().toNanos() / 1_000;
        });
        this.commandTimeoutMillis = Math.max(1, config.redis().commandTimeout().toMillis());
        this.connectTimeoutMillis = Math.max(commandTimeoutMillis, config.redis().connectTimeout().toMillis());
        this.retryAfterNanos = config.redis().retryAfter().toNanos();
        this.lanes = new RedisLanes(vertx, laneOptions, commandTimeoutMillis, connectTimeoutMillis);
        this.local = new LocalRateLimiter(rateLimit.localMaxKeys(), () -> System.currentTimeMillis() * 1_000);
        this.redisWarning = new ThrottledWarning(LOG, config.redis().warningInterval());
        this.admitSha = sha1Hex(ADMIT_SCRIPT);
    }

    void start(@Observes StartupEvent event) {
        sweepTimer = vertx.setPeriodic(30_000, id -> local.sweep());
        // Cache the script in Redis and open the event loops' connections now, not on a request's time budget.
        send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(ADMIT_SCRIPT)).onComplete(loaded -> {
            if (loaded.succeeded()) {
                lanes.openAll(vertx);
            } else {
                LOG.warnf("Redis not reachable at start-up (%s): the in-memory fallback is used until it is",
                        loaded.cause().toString());
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    public int limitOf(RateClass rateClass) {
        return limitOf[rateClass.ordinal()];
    }

    /**
     * @param subject the caller within the class: {@code u:{userId}}, {@code ip:{address}} or {@code ip:{address}:e:{email hash}}
     * @param tokenId the token's jti to check against the revocation list, or null on anonymous routes
     * @return completes on {@code context}, never fails
     */
    public Future<Admission> admit(ContextInternal context, RateClass rateClass, String subject, String tokenId) {
        if (!limiting && tokenId == null) {
            return context.succeededFuture(Admission.UNLIMITED);
        }
        String rateKey = RATE_PREFIX + rateClass.label() + ':' + subject;
        if (!redisWorthAsking()) {
            return context.succeededFuture(fallback(rateClass, rateKey));
        }
        Promise<Admission> decided = context.promise();
        sendOnLane(context, admitRequest(true, rateClass, rateKey, tokenId))
                .recover(failure -> RedisLanes.isScriptMissing(failure)
                        ? sendOnLane(context, admitRequest(false, rateClass, rateKey, tokenId))
                        : Future.failedFuture(failure))
                .onComplete(reply -> {
                    if (reply.succeeded()) {
                        redisAnswered();
                        decided.complete(toAdmission(reply.result(), rateClass));
                    } else {
                        redisFailed(reply.cause());
                        decided.complete(fallback(rateClass, rateKey));
                    }
                });
        return decided.future();
    }

    /**
     * The caller's state in every class without consuming anything.
     *
     * @param userSubject subject of the per-user classes ({@code u:{userId}})
     * @param authSubject subject of the auth class ({@code ip:{address}:e:{email hash}})
     */
    public Future<RateLimitStatus> status(ContextInternal context, String userSubject, String authSubject) {
        RateClass[] classes = RateClass.values();
        String[] keys = new String[classes.length];
        for (RateClass rateClass : classes) {
            String subject = rateClass == RateClass.AUTH ? authSubject : userSubject;
            keys[rateClass.ordinal()] = RATE_PREFIX + rateClass.label() + ':' + subject;
        }
        if (!redisWorthAsking()) {
            return context.succeededFuture(localStatus(keys));
        }
        Request mget = Request.cmd(Command.MGET);
        for (String key : keys) {
            mget.arg(key);
        }
        Promise<RateLimitStatus> answered = context.promise();
        long timer = vertx.setTimer(commandTimeoutMillis, id -> {
            if (!answered.future().isComplete()) {
                redisFailed(REDIS_TIMEOUT);
                answered.tryComplete(localStatus(keys));
            }
        });
        redis.batch(List.of(Request.cmd(Command.TIME), mget)).onComplete(reply -> {
            vertx.cancelTimer(timer);
            if (answered.future().isComplete()) {
                return;
            }
            if (reply.succeeded()) {
                redisAnswered();
                Response time = reply.result().get(0);
                long now = time.get(0).toLong() * 1_000_000 + time.get(1).toLong();
                Response tats = reply.result().get(1);
                List<RateLimitStatus.ClassState> states = new ArrayList<>(classes.length);
                for (RateClass rateClass : classes) {
                    Response tat = tats.get(rateClass.ordinal());
                    states.add(state(rateClass, Gcra.peek(parseTat(tat), now, limitOf(rateClass), periodMicros(rateClass))));
                }
                answered.tryComplete(new RateLimitStatus("redis", states));
            } else {
                redisFailed(reply.cause());
                answered.tryComplete(localStatus(keys));
            }
        });
        return answered.future();
    }

    private Future<Response> sendOnLane(ContextInternal context, Request request) {
        try {
            return lanes.send(context, request);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<Response> send(Request request) {
        try {
            return redis.send(request);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Request admitRequest(boolean bySha, RateClass rateClass, String rateKey, String tokenId) {
        if (!limiting) {
            return Request.cmd(Command.EXISTS).arg(REVOKED_PREFIX + tokenId);
        }
        Request request = bySha
                ? Request.cmd(Command.EVALSHA).arg(admitSha)
                : Request.cmd(Command.EVAL).arg(ADMIT_SCRIPT);
        request.arg(tokenId == null ? 1 : 2).arg(rateKey);
        if (tokenId != null) {
            request.arg(REVOKED_PREFIX + tokenId);
        }
        return request.arg(limitOf(rateClass)).arg(periodMicros(rateClass));
    }

    private Admission toAdmission(Response reply, RateClass rateClass) {
        if (!limiting) {
            return reply.toInteger() == 1 ? Admission.REVOKED : Admission.UNLIMITED;
        }
        int code = reply.get(0).toInteger();
        if (code < 0) {
            return Admission.REVOKED;
        }
        return new Admission(code == 1 ? Admission.Outcome.ALLOWED : Admission.Outcome.LIMITED, limitOf(rateClass),
                reply.get(1).toInteger(), reply.get(2).toLong(), reply.get(3).toLong());
    }

    private Admission fallback(RateClass rateClass, String rateKey) {
        if (!limiting) {
            return Admission.UNLIMITED;
        }
        int limit = limitOf(rateClass);
        return Admission.of(local.admit(rateClass, rateKey, limit, periodMicros(rateClass)), limit);
    }

    private RateLimitStatus localStatus(String[] keys) {
        List<RateLimitStatus.ClassState> states = new ArrayList<>(keys.length);
        for (RateClass rateClass : RateClass.values()) {
            states.add(state(rateClass, local.peek(keys[rateClass.ordinal()], limitOf(rateClass), periodMicros(rateClass))));
        }
        return new RateLimitStatus("memory", states);
    }

    private RateLimitStatus.ClassState state(RateClass rateClass, Gcra.Snapshot snapshot) {
        return new RateLimitStatus.ClassState(rateClass.label(), limitOf(rateClass),
                limits.get(rateClass).period().toSeconds(), snapshot.remaining(), Admission.ceilSeconds(snapshot.resetMicros()));
    }

    private long periodMicros(RateClass rateClass) {
        return periodMicrosOf[rateClass.ordinal()];
    }

    /** True while Redis is believed up; after an outage window exactly one caller gets to probe it. */
    private boolean redisWorthAsking() {
        long until = redisDownUntil.get();
        if (until == 0) {
            return true;
        }
        long now = System.nanoTime();
        return now - until >= 0 && redisDownUntil.compareAndSet(until, now + retryAfterNanos);
    }

    private void redisFailed(Throwable cause) {
        long until = System.nanoTime() + retryAfterNanos;
        redisDownUntil.set(until == 0 ? 1 : until);
        redisWarning.warn("Redis unavailable: rate limits are kept in this instance's memory and revoked tokens are not"
                + " recognised until it is back", cause);
    }

    private void redisAnswered() {
        if (redisDownUntil.get() != 0 && redisDownUntil.getAndSet(0) != 0) {
            LOG.info("Redis reachable again: shared rate limits and the revocation list are back in use");
        }
    }

    private static long parseTat(Response tat) {
        if (tat == null) {
            return 0;
        }
        try {
            return Long.parseLong(tat.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String sha1Hex(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
