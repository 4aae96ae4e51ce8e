package dev.lectavera.gateway.ratelimit;

import dev.lectavera.gateway.config.GatewayConfig;
import dev.lectavera.gateway.security.VerifiedToken;
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

/**
 * Decides whether a request may pass: is its token revoked, is its caller over a limit. Both questions go to
 * Redis in one round trip (one Lua script: MGET of {@code lv:revoked:{jti}} and {@code lv:revoked-before:{sub}},
 * then a GCRA step on each bucket the request is charged to, {@code lv:rl:{class}:{subject}}), so the hot path
 * costs one Redis call, made on a connection of the request's own event loop ({@link RedisLanes}). The script
 * is atomic, so concurrent requests of one caller on any number of gateway instances never overshoot a limit;
 * a request charged to several buckets (the auth routes) passes only when every bucket has room, and a
 * refused request consumes none.
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
    public static final String REVOKED_BEFORE_PREFIX = "lv:revoked-before:";
    public static final String RATE_PREFIX = "lv:rl:";

    /** The admission script (its arguments and reply are described in the file), read once from the class path. */
    static final String ADMIT_SCRIPT = LuaScripts.load("ratelimit/admit.lua");

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
    private final LocalRateLimiter local;
    private final RedisOutage outage;
    private final String admitSha;
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
        limits.put(RateClass.SOCKET, rateLimit.socket());
        limits.put(RateClass.AUTH, rateLimit.auth());
        limits.put(RateClass.AUTH_IP, rateLimit.authIp());
        limits.put(RateClass.REGISTER, rateLimit.register());
        limits.put(RateClass.QUIZ, rateLimit.quiz());
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
        this.lanes = new RedisLanes(vertx, laneOptions, commandTimeoutMillis, connectTimeoutMillis);
        this.local = new LocalRateLimiter(rateLimit.localMaxKeys(), () -> System.currentTimeMillis() * 1_000);
        this.outage = new RedisOutage(config.redis().retryAfter(), config.redis().warningInterval());
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
     * @param charges the buckets the request is charged to (one for most requests; the auth routes add more)
     * @param token   the request's verified token, checked against the revocation list; null on anonymous routes
     * @return completes on {@code context}, never fails
     */
    public Future<Admission> admit(ContextInternal context, RateCharge[] charges, VerifiedToken token) {
        if (!limiting && token == null) {
            return context.succeededFuture(Admission.UNLIMITED);
        }
        if (!outage.worthAsking()) {
            return context.succeededFuture(fallback(charges));
        }
        Promise<Admission> decided = context.promise();
        sendOnLane(context, admitRequest(true, charges, token))
                .recover(failure -> RedisLanes.isScriptMissing(failure)
                        ? sendOnLane(context, admitRequest(false, charges, token))
                        : Future.failedFuture(failure))
                .onComplete(reply -> {
                    if (reply.succeeded()) {
                        outage.answered();
                        decided.complete(toAdmission(reply.result(), charges, token));
                    } else {
                        outage.failed(reply.cause());
                        decided.complete(fallback(charges));
                    }
                });
        return decided.future();
    }

    /**
     * The caller's state in every class without consuming anything.
     *
     * @param subjects the caller's subject in each class, indexed by {@link RateClass#ordinal()}
     */
    public Future<RateLimitStatus> status(ContextInternal context, String[] subjects) {
        RateClass[] classes = RateClass.values();
        String[] keys = new String[classes.length];
        for (RateClass rateClass : classes) {
            keys[rateClass.ordinal()] = new RateCharge(rateClass, subjects[rateClass.ordinal()]).key();
        }
        if (!outage.worthAsking()) {
            return context.succeededFuture(localStatus(keys));
        }
        Request mget = Request.cmd(Command.MGET);
        for (String key : keys) {
            mget.arg(key);
        }
        Promise<RateLimitStatus> answered = context.promise();
        long timer = vertx.setTimer(commandTimeoutMillis, id -> {
            if (!answered.future().isComplete()) {
                outage.failed(REDIS_TIMEOUT);
                answered.tryComplete(localStatus(keys));
            }
        });
        redis.batch(List.of(Request.cmd(Command.TIME), mget)).onComplete(reply -> {
            vertx.cancelTimer(timer);
            if (answered.future().isComplete()) {
                return;
            }
            if (reply.succeeded()) {
                outage.answered();
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
                outage.failed(reply.cause());
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

    private Request admitRequest(boolean bySha, RateCharge[] charges, VerifiedToken token) {
        if (!limiting) {
            return Request.cmd(Command.MGET).arg(REVOKED_PREFIX + token.tokenId()).arg(REVOKED_BEFORE_PREFIX + token.subject());
        }
        Request request = bySha
                ? Request.cmd(Command.EVALSHA).arg(admitSha)
                : Request.cmd(Command.EVAL).arg(ADMIT_SCRIPT);
        request.arg(charges.length + (token == null ? 0 : 2));
        for (RateCharge charge : charges) {
            request.arg(charge.key());
        }
        if (token != null) {
            request.arg(REVOKED_PREFIX + token.tokenId()).arg(REVOKED_BEFORE_PREFIX + token.subject());
        }
        request.arg(charges.length).arg(token == null ? "" : Long.toString(token.issuedAtSeconds()));
        for (RateCharge charge : charges) {
            request.arg(limitOf(charge.rateClass())).arg(periodMicros(charge.rateClass()));
        }
        return request;
    }

    private Admission toAdmission(Response reply, RateCharge[] charges, VerifiedToken token) {
        if (!limiting) {
            return isRevoked(reply, token) ? Admission.REVOKED : Admission.UNLIMITED;
        }
        int code = reply.get(0).toInteger();
        if (code < 0) {
            return Admission.REVOKED;
        }
        if (charges.length == 0) {
            return Admission.UNLIMITED;
        }
        RateClass rateClass = charges[reply.get(4).toInteger() - 1].rateClass();
        return new Admission(code == 1 ? Admission.Outcome.ALLOWED : Admission.Outcome.LIMITED, rateClass,
                limitOf(rateClass), reply.get(1).toInteger(), reply.get(2).toLong(), reply.get(3).toLong());
    }

    /** The MGET of {@code lv:revoked:{jti}} and {@code lv:revoked-before:{sub}} (used when limits are off). */
    static boolean isRevoked(Response marks, VerifiedToken token) {
        if (marks.get(0) != null) {
            return true;
        }
        Response before = marks.get(1);
        if (before == null) {
            return false;
        }
        try {
            return token.issuedAtSeconds() < Long.parseLong(before.toString().trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The in-memory decision: every bucket is looked at first and the request passes only when all have room, as
     * in the script. (Two requests racing between the look and the charge may each consume a little; on a
     * fallback that is acceptable.)
     */
    private Admission fallback(RateCharge[] charges) {
        if (!limiting || charges.length == 0) {
            return Admission.UNLIMITED;
        }
        RateCharge tightest = null;
        Gcra.Result tightestResult = null;
        for (RateCharge charge : charges) {
            Gcra.Snapshot snapshot = local.peek(charge.key(), limitOf(charge.rateClass()), periodMicros(charge.rateClass()));
            if (snapshot.remaining() == 0) {
                // Refused without consuming anything: the same arithmetic as an admission attempt.
                return Admission.of(local.admit(charge.rateClass(), charge.key(), limitOf(charge.rateClass()),
                        periodMicros(charge.rateClass())), charge.rateClass(), limitOf(charge.rateClass()));
            }
        }
        for (RateCharge charge : charges) {
            Gcra.Result result = local.admit(charge.rateClass(), charge.key(), limitOf(charge.rateClass()),
                    periodMicros(charge.rateClass()));
            if (!result.allowed()) {
                return Admission.of(result, charge.rateClass(), limitOf(charge.rateClass()));
            }
            if (tightestResult == null || result.remaining() < tightestResult.remaining()) {
                tightest = charge;
                tightestResult = result;
            }
        }
        return Admission.of(tightestResult, tightest.rateClass(), limitOf(tightest.rateClass()));
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
