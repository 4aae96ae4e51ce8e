package dev.lectavera.gateway.ratelimit;

import dev.lectavera.gateway.config.GatewayConfig;
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

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Decides whether a request may pass the rate limits. The buckets ({@code lv:rl:{class}:{subject}}, GCRA) live in
 * Redis, shared by all gateway instances, and are reached in one of two ways:
 * <ul>
 * <li><b>leases</b> ({@link Leases}, {@code lease.lua}) for a request charged to one bucket of a class whose limit
 * is at least 40 (the default class): the instance takes several requests' worth of the bucket at once and admits
 * from memory, fetching the next lease ahead of need, so such a request normally makes no Redis call;</li>
 * <li><b>one script per request</b> ({@code admit.lua}) for the small classes and for the auth routes, charged to
 * several buckets: it passes only when every bucket has room, and a refused request consumes none.</li>
 * </ul>
 * Both are atomic in Redis, so the instances together never admit more than the bucket allows (README, Rate limits).
 * Calls go over a connection of the request's own event loop ({@link RedisLanes}).
 * <p>
 * Redis unreachable, erroring or slower than {@code gateway.redis.command-timeout}: the request is decided by the
 * in-memory {@link LocalRateLimiter} with the same limits, a throttled warning is logged, and the gateway stays on
 * the fallback for {@code gateway.redis.retry-after} before one request probes Redis again (with the per-request
 * script). Nothing here ever fails a request because of Redis.
 */
@ApplicationScoped
public class AdmissionControl {

    private static final Logger LOG = Logger.getLogger(AdmissionControl.class);

    public static final String RATE_PREFIX = "lv:rl:";

    /** The per-request script (its arguments and reply are described in the file). */
    static final RedisScript ADMIT = RedisScript.load("ratelimit/admit.lua");

    private static final TimeoutException REDIS_TIMEOUT = new TimeoutException("no answer from Redis in time");

    private final Redis redis;
    private final RedisLanes lanes;
    private final Vertx vertx;
    private final boolean limiting;
    private final Map<RateClass, GatewayConfig.Limit> limits = new EnumMap<>(RateClass.class);
    private final int[] limitOf = new int[RateClass.values().length];
    private final long[] periodMicrosOf = new long[RateClass.values().length];
    private final boolean[] leased = new boolean[RateClass.values().length];
    private final long commandTimeoutMillis;
    private final long leaseTtlMillis;
    private final LocalRateLimiter local;
    private final RedisOutage outage;
    private final GatewayInstances instances = new GatewayInstances();
    private final Leases leases;
    private final List<Long> timers = new ArrayList<>();

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
            leased[rateClass.ordinal()] = rateLimit.lease().enabled() && Lease.worthLeasing(limit.limit());
        });
        this.commandTimeoutMillis = Math.max(1, config.redis().commandTimeout().toMillis());
        long connectTimeoutMillis = Math.max(commandTimeoutMillis, config.redis().connectTimeout().toMillis());
        this.lanes = new RedisLanes(vertx, laneOptions, commandTimeoutMillis, connectTimeoutMillis);
        this.local = new LocalRateLimiter(rateLimit.localMaxKeys(), () -> System.currentTimeMillis() * 1_000);
        this.outage = new RedisOutage(config.redis().retryAfter(), config.redis().warningInterval());
        this.leaseTtlMillis = Math.max(10, rateLimit.lease().ttl().toMillis());
        this.leases = new Leases(lanes, outage, instances::count, leaseTtlMillis * 1_000_000, rateLimit.localMaxKeys());
    }

    void start(@Observes StartupEvent event) {
        timers.add(vertx.setPeriodic(30_000, id -> local.sweep()));
        timers.add(vertx.setPeriodic(leaseTtlMillis, id -> leases.sweep(redis)));
        timers.add(vertx.setPeriodic(GatewayInstances.BEAT.toMillis(), id -> instances.beat(redis)));
        // Cache the scripts in Redis and open the event loops' connections now, not on a request's time budget.
        send(ADMIT.loadRequest()).compose(loaded -> send(Leases.SCRIPT.loadRequest())).onComplete(loaded -> {
            if (loaded.succeeded()) {
                instances.beat(redis);
                lanes.openAll(vertx);
            } else {
                LOG.warnf("Redis not reachable at start-up (%s): the in-memory fallback is used until it is",
                        loaded.cause().toString());
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
        instances.leave(redis);
    }

    public int limitOf(RateClass rateClass) {
        return limitOf[rateClass.ordinal()];
    }

    /**
     * @param charges the buckets the request is charged to (one for most requests; the auth routes add more)
     * @return completes on {@code context}, never fails
     */
    public Future<Admission> admit(ContextInternal context, RateCharge[] charges) {
        if (!limiting || charges.length == 0) {
            return context.succeededFuture(Admission.UNLIMITED);
        }
        boolean probing = outage.isDown();
        if (!outage.worthAsking()) {
            return context.succeededFuture(fallback(charges));
        }
        RateCharge first = charges[0];
        Future<Admission> decided = null;
        if (charges.length == 1 && leased[first.rateClass().ordinal()] && !probing) {
            decided = leases.admit(context, first, limitOf(first.rateClass()), periodMicros(first.rateClass()));
        }
        if (decided == null) {
            decided = ADMIT.run(request -> admitArguments(request, charges), request -> lanes.send(context, request))
                    .transform(reply -> {
                        if (reply.failed()) {
                            outage.failed(reply.cause());
                            return context.failedFuture(reply.cause());
                        }
                        outage.answered();
                        return context.succeededFuture(toAdmission(reply.result(), charges));
                    });
        }
        return decided.recover(failure -> context.succeededFuture(fallback(charges)));
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
        Future<Void> settled = Future.succeededFuture();
        for (RateClass rateClass : classes) {
            if (leased[rateClass.ordinal()]) {
                String key = keys[rateClass.ordinal()];
                settled = settled.compose(ready -> leases.settled(key));
            }
        }
        // Over this event loop's own lane (pipelined with the round's other calls): the pool's connections live on
        // other loops, and each answer would cross threads.
        settled.compose(ready -> Future.all(lanes.send(context, Request.cmd(Command.TIME)), lanes.send(context, mget)))
                .onComplete(reply -> {
                    vertx.cancelTimer(timer);
                    if (answered.future().isComplete()) {
                        return;
                    }
                    if (reply.succeeded()) {
                        outage.answered();
                        Response time = reply.result().resultAt(0);
                        long now = time.get(0).toLong() * 1_000_000 + time.get(1).toLong();
                        Response tats = reply.result().resultAt(1);
                        List<RateLimitStatus.ClassState> states = new ArrayList<>(classes.length);
                        for (RateClass rateClass : classes) {
                            Response tat = tats.get(rateClass.ordinal());
                            Gcra.Snapshot shared = Gcra.peek(parseTat(tat), now, limitOf(rateClass), periodMicros(rateClass));
                            // Cells this instance has leased are spent in Redis' count but still this caller's to use here.
                            int held = leased[rateClass.ordinal()] ? leases.spendable(keys[rateClass.ordinal()]) : 0;
                            states.add(state(rateClass, new Gcra.Snapshot(Math.min(limitOf(rateClass), shared.remaining() + held),
                                    shared.resetMicros())));
                        }
                        answered.tryComplete(new RateLimitStatus("redis", states));
                    } else {
                        outage.failed(reply.cause());
                        answered.tryComplete(localStatus(keys));
                    }
                });
        return answered.future();
    }

    private Future<Response> send(Request request) {
        try {
            return redis.send(request);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private void admitArguments(Request request, RateCharge[] charges) {
        request.arg(charges.length);
        for (RateCharge charge : charges) {
            request.arg(charge.key());
        }
        request.arg(charges.length);
        for (RateCharge charge : charges) {
            request.arg(limitOf(charge.rateClass())).arg(periodMicros(charge.rateClass()));
        }
    }

    private Admission toAdmission(Response reply, RateCharge[] charges) {
        RateClass rateClass = charges[reply.get(4).toInteger() - 1].rateClass();
        return new Admission(reply.get(0).toInteger() == 1 ? Admission.Outcome.ALLOWED : Admission.Outcome.LIMITED, rateClass,
                limitOf(rateClass), reply.get(1).toInteger(), reply.get(2).toLong(), reply.get(3).toLong());
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
}
