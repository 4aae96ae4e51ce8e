package dev.lectavera.study.redis;

import dev.lectavera.contracts.revocation.RevocationKeys;

import java.util.UUID;

/** Every Redis key and channel study-service uses (all under {@code lv:study:} except the shared user and revocation channels). */
public final class RedisKeys {

    public static final String PREFIX = "lv:study:";
    /** Pattern of the per-session fan-out channels. */
    public static final String SESSION_CHANNELS = PREFIX + "session:*";
    /** Pattern of document-service's per-user progress channels. */
    public static final String USER_CHANNELS = "user-events:*";
    /** auth-service's revocation notices (service-kit's channel; a pattern without wildcards is that one channel). */
    public static final String REVOCATIONS = RevocationKeys.CHANNEL;

    private RedisKeys() {
    }

    /** List of a session's recent messages (JSON), oldest first. */
    public static String window(UUID sessionId) {
        return PREFIX + "window:" + sessionId;
    }

    /** A cached answer; {@code hash} covers user, normalised question, documents and versions. */
    public static String answer(String hash) {
        return PREFIX + "rag:" + hash;
    }

    /** Set of the answer keys that used a document: invalidation deletes exactly these. */
    public static String answersOfDocument(UUID documentId) {
        return PREFIX + "rag-doc:" + documentId;
    }

    public static String chatRate(UUID userId) {
        return PREFIX + "rl:chat:" + userId;
    }

    /** Sorted set of a session's open WebSocket connections (score: expiry, epoch ms). */
    public static String presence(UUID sessionId) {
        return PREFIX + "ws:presence:" + sessionId;
    }

    public static String sessionChannel(UUID sessionId) {
        return PREFIX + "session:" + sessionId;
    }

    /** document-service publishes ingestion progress here. */
    public static String userChannel(UUID userId) {
        return "user-events:" + userId;
    }

    /** The session id of a session channel, or null for anything else (e.g. an instance's liveness probe). */
    public static UUID sessionOfChannel(String channel) {
        return uuidAfter(channel, PREFIX + "session:");
    }

    public static UUID userOfChannel(String channel) {
        return uuidAfter(channel, "user-events:");
    }

    private static UUID uuidAfter(String channel, String prefix) {
        if (channel == null || !channel.startsWith(prefix)) {
            return null;
        }
        try {
            return UUID.fromString(channel.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
