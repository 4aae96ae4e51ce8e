package dev.lectavera.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code X-Request-Id}: a client's own id is passed on when it is a sane short token (1–64 of
 * {@code A-Z a-z 0-9 . _ : -}), otherwise the gateway makes one (a random UUID; from a thread-local
 * generator: ids must be unique, not unguessable, and SecureRandom would be a shared lock on the hot path).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    public static String acceptOrCreate(String incoming) {
        return isSane(incoming) ? incoming : create();
    }

    static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;              // version 4
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(most, least).toString();
    }
}
