package dev.lectavera.study.live;

import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.redis.BestEffortRedis;
import dev.lectavera.study.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebSocket connections of this instance, by session and by user, plus every instance's connections of a
 * session in Redis (a sorted set per session: member {@code instance/connection}, score = expiry). Each instance
 * refreshes its members on a heartbeat, so the entries of a crashed instance expire by themselves and
 * "last connection of the session closed" is decided across instances.
 */
@ApplicationScoped
public class ConnectionRegistry {

    /** One open, authenticated connection. The token can be renewed by the client during the connection. */
    public static final class Live {
        private final WebSocketConnection connection;
        private final Context context;
        private final UUID userId;
        private final UUID sessionId;
        private volatile String accessToken;
        private volatile long tokenExpiresAt;

        Live(WebSocketConnection connection, Context context, UUID userId, UUID sessionId, String accessToken,
             long tokenExpiresAt) {
            this.connection = connection;
            this.context = context;
            this.userId = userId;
            this.sessionId = sessionId;
            this.accessToken = accessToken;
            this.tokenExpiresAt = tokenExpiresAt;
        }

        public WebSocketConnection connection() {
            return connection;
        }

        /** The Vert.x context the connection was opened on (its event loop); null when opened outside one. */
        public Context context() {
            return context;
        }

        public UUID userId() {
            return userId;
        }

        public UUID sessionId() {
            return sessionId;
        }

        public String accessToken() {
            return accessToken;
        }

        /** Epoch seconds. */
        public long tokenExpiresAt() {
            return tokenExpiresAt;
        }

        public void renewToken(String accessToken, long expiresAt) {
            this.accessToken = accessToken;
            this.tokenExpiresAt = expiresAt;
        }
    }

    private final String instanceId = UUID.randomUUID().toString();
    private final Map<String, Live> byConnection = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Live>> bySession = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Live>> byUser = new ConcurrentHashMap<>();
    private final BestEffortRedis redis;
    private final StudyConfig config;

    ConnectionRegistry(BestEffortRedis redis, StudyConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public String instanceId() {
        return instanceId;
    }

    public Live attach(WebSocketConnection connection, UUID userId, UUID sessionId, String token, long expiresAt) {
        // called from the connection's @OnOpen, so the current context is the connection's (its event loop)
        Live live = new Live(connection, Vertx.currentContext(), userId, sessionId, token, expiresAt);
        byConnection.put(connection.id(), live);
        bySession.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(live);
        byUser.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(live);
        redis.run("presence add", r -> mark(r, live));
        return live;
    }

    public Optional<Live> find(WebSocketConnection connection) {
        return Optional.ofNullable(byConnection.get(connection.id()));
    }

    /**
     * @return the detached connection and whether it was the last one of its session on any instance (empty
     *         when Redis cannot tell); nothing for a connection that was never attached
     */
    public Optional<Detached> detach(WebSocketConnection connection) {
        Live live = byConnection.remove(connection.id());
        if (live == null) {
            return Optional.empty();
        }
        remove(bySession, live.sessionId(), live);
        remove(byUser, live.userId(), live);
        String key = RedisKeys.presence(live.sessionId());
        Boolean last = redis.call("presence remove", r -> {
            r.sortedSet(String.class).zrem(key, member(live));
            return livePresence(r, live.sessionId()) == 0;
        }, null);
        return Optional.of(new Detached(live, Optional.ofNullable(last)));
    }

    public record Detached(Live connection, Optional<Boolean> lastOfSession) {
    }

    /** Open connections of a session on all instances; empty when Redis cannot tell. */
    public OptionalLong presence(UUID sessionId) {
        Long count = redis.call("presence count", r -> livePresence(r, sessionId), null);
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    public Collection<Live> ofSession(UUID sessionId) {
        return bySession.getOrDefault(sessionId, Set.of());
    }

    public Collection<Live> ofUser(UUID userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    public int localCount() {
        return byConnection.size();
    }

    @Scheduled(every = "${lectavera.study.websocket.heartbeat:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (byConnection.isEmpty()) {
            return;
        }
        // per session one ZADD of all its local members and one PEXPIRE, not two commands per connection
        long ttl = config.websocket().presenceTtl().toMillis();
        redis.run("presence heartbeat", r -> bySession.forEach((sessionId, lives) -> {
            double expiry = System.currentTimeMillis() + ttl;
            Map<String, Double> members = new HashMap<>();
            for (Live live : lives) {
                members.put(member(live), expiry);
            }
            if (!members.isEmpty()) {
                String key = RedisKeys.presence(sessionId);
                r.sortedSet(String.class).zadd(key, members);
                r.key().pexpire(key, ttl * 2);
            }
        }));
    }

    private void mark(RedisDataSource r, Live live) {
        String key = RedisKeys.presence(live.sessionId());
        long ttl = config.websocket().presenceTtl().toMillis();
        r.sortedSet(String.class).zadd(key, System.currentTimeMillis() + ttl, member(live));
        r.key().pexpire(key, ttl * 2);
    }

    private static long livePresence(RedisDataSource r, UUID sessionId) {
        String key = RedisKeys.presence(sessionId);
        r.sortedSet(String.class).zremrangebyscore(key, ScoreRange.from(0L, System.currentTimeMillis()));
        return r.sortedSet(String.class).zcard(key);
    }

    private String member(Live live) {
        return instanceId + "/" + live.connection().id();
    }

    private static void remove(Map<UUID, Set<Live>> index, UUID key, Live live) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(live);
            return set.isEmpty() ? null : set;
        });
    }
}
