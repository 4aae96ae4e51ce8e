package dev.lectavera.study.service;

import dev.lectavera.study.config.StudyConfig;
import dev.lectavera.study.model.Json;
import dev.lectavera.study.model.MessageRow;
import dev.lectavera.study.redis.BestEffortRedis;
import dev.lectavera.study.redis.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The live window: a session's recent messages in a Redis list (oldest first, 24 h TTL), for fast polling. It is
 * written only after PostgreSQL committed, and only appended to while it exists (RPUSHX), so a missing window is
 * always rebuilt whole from PostgreSQL. Readers trust it only when it ends with the session's newest message and
 * is in order ({@link #usable}); anything else is rebuilt.
 */
@ApplicationScoped
public class LiveWindow {

    /** Fired inside the transaction that stored the message. */
    public record MessageStored(MessageRow message) {
    }

    private static final String APPEND_SCRIPT = """
            if redis.call('RPUSHX', KEYS[1], ARGV[1]) > 0 then
              redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
              redis.call('EXPIRE', KEYS[1], ARGV[3])
            end
            return 1
            """;

    private final BestEffortRedis redis;
    private final StudyConfig config;

    LiveWindow(BestEffortRedis redis, StudyConfig config) {
        this.redis = redis;
        this.config = config;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageStored stored) {
        append(stored.message());
    }

    void append(MessageRow message) {
        String key = RedisKeys.window(message.sessionId());
        // RPUSHX, LTRIM and EXPIRE in one round trip (only while the window exists), not waited for: an append
        // that is lost, late or overtaken leaves a window that readers do not trust (usable) and rebuild
        redis.runLater("live window append", r -> r.execute("EVAL", APPEND_SCRIPT, "1", key, Json.write(message),
                Integer.toString(config.chat().windowSize()), Long.toString(config.chat().windowTtl().toSeconds())));
    }

    /** @return the window, or empty when Redis has none (or is down, or holds junk) */
    public Optional<List<MessageRow>> read(UUID sessionId) {
        return read(sessionId, 0);
    }

    /** @return the newest {@code count} messages of the window (fewer when it is shorter), or empty as above */
    public Optional<List<MessageRow>> readNewest(UUID sessionId, int count) {
        return read(sessionId, -Math.max(1, count));
    }

    private Optional<List<MessageRow>> read(UUID sessionId, int from) {
        List<String> raw = redis.call("live window read",
                r -> r.list(String.class).lrange(RedisKeys.window(sessionId), from, -1), List.of());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        List<MessageRow> messages = new ArrayList<>(raw.size());
        try {
            for (String json : raw) {
                messages.add(Json.read(json, MessageRow.class));
            }
        } catch (IllegalArgumentException junk) {
            return Optional.empty();
        }
        return Optional.of(messages);
    }

    /** Whether a window read can be trusted for a session whose newest message has {@code lastSeq}. */
    public static boolean usable(List<MessageRow> window, long lastSeq) {
        if (window.isEmpty() || window.getLast().seq() != lastSeq) {
            return false;
        }
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).seq() <= window.get(i - 1).seq()) {
                return false;
            }
        }
        return true;
    }

    /** Replaces the window with the newest messages from PostgreSQL (oldest first). */
    public void rebuild(UUID sessionId, List<MessageRow> newest) {
        String key = RedisKeys.window(sessionId);
        redis.run("live window rebuild", r -> {
            r.key().del(key);
            if (!newest.isEmpty()) {
                r.list(String.class).rpush(key, newest.stream().map(Json::write).toArray(String[]::new));
                r.key().expire(key, config.chat().windowTtl());
            }
        });
    }

    public void drop(UUID sessionId) {
        redis.run("live window drop", r -> r.key().del(RedisKeys.window(sessionId)));
    }

    public int size() {
        return config.chat().windowSize();
    }
}
