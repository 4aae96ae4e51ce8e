package dev.lectavera.study.live;

import dev.lectavera.contracts.revocation.RevocationNotice;
import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.redis.BestEffortRedis;
import dev.lectavera.study.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The WebSocket connections of this instance, by session and by user, plus every instance's connections of a
 * session in Redis (a sorted set per session: member {@code instance/connection}, score = expiry). Each instance
 * refreshes its members on a heartbeat, so the entries of a crashed instance expire by themselves and
 * "last connection of the session closed" is decided across instances.
 */
@ApplicationScoped
public class ConnectionRegistry {

    /** The access token a connection is authenticated with; times in epoch seconds. */
    public record Token(String value, String jti, long issuedAt, long expiresAt) {
    }

    /**
     * One open, authenticated connection. The token can be renewed by the client during the connection; every token
     * it was authenticated with is remembered until that token expires, so logging out any of them ends it.
     */
    public static final class Live {
        private final WebSocketConnection connection;
        private final Context context;
        private final UUID userId;
        private final UUID sessionId;
        private volatile Token token;
        /** jti → expiry of every token this connection has used (the current one included). */
        private final Map<String, Long> jtis = new ConcurrentHashMap<>(4);
        private final AtomicBoolean closing = new AtomicBoolean();

        Live(WebSocketConnection connection, Context context, UUID userId, UUID sessionId, Token token) {
            this.connection = connection;
            this.context = context;
            this.userId = userId;
            this.sessionId = sessionId;
            this.token = token;
            jtis.put(token.jti(), token.expiresAt());
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
            return token.value();
        }

        public Token token() {
            return token;
        }

        /** Epoch seconds. */
        public long tokenExpiresAt() {
            return token.expiresAt();
        }

        /** A fresh token of the same user; the tokens that expired meanwhile are forgotten. */
        public void renewToken(Token fresh) {
            long now = System.currentTimeMillis() / 1000;
            jtis.values().removeIf(expiresAt -> expiresAt <= now);
            jtis.put(fresh.jti(), fresh.expiresAt());
            this.token = fresh;
        }

        /**
         * Whether a revocation voids this connection: a {@code jti} notice names any token it was authenticated
         * with (the one it opened with or a later renewal), a {@code before} notice covers its current token.
         */
        public boolean voidedBy(RevocationNotice notice) {
            if (!userId.toString().equals(notice.userId())) {
                return false;
            }
            if (notice.jti() != null) {
                return jtis.containsKey(notice.jti());
            }
            return notice.before() != null && token.issuedAt() < notice.before();
        }

        /** Marks the connection as being closed by the server; true only for the first caller. */
        public boolean startClosing() {
            return closing.compareAndSet(false, true);
        }

        public boolean closing() {
            return closing.get();
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

    /**
     * Registers an authenticated connection, unless its user already has {@code websocket.max-connections-per-user}
     * open on this instance (the count and the add are one atomic step).
     *
     * @param context the connection's Vert.x context (its event loop), where writes to it belong
     */
    public Optional<Live> attach(WebSocketConnection connection, Context context, UUID userId, UUID sessionId,
                                 Token token) {
        Live live = new Live(connection, context, userId, sessionId, token);
        int max = config.websocket().maxConnectionsPerUser();
        boolean[] added = new boolean[1];
        byUser.compute(userId, (k, set) -> {
            Set<Live> lives = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (lives.size() < max) {
                added[0] = lives.add(live);
            }
            return lives.isEmpty() ? null : lives;
        });
        if (!added[0]) {
            return Optional.empty();
        }
        byConnection.put(connection.id(), live);
        bySession.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(live);
        redis.run("presence add", r -> mark(r, live));
        return Optional.of(live);
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

    /** Every connection of this instance. */
    public Collection<Live> all() {
        return byConnection.values();
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
