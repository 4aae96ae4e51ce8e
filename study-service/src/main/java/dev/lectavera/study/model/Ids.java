package dev.lectavera.study.model;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then random bits. New rows land at
 * the end of the primary-key index instead of all over it. Message ORDER is not taken from these ids (two
 * instances' clocks differ): it is {@code chat_message.seq}, see MessageRepository.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long randB = RANDOM.nextLong();
        long high = (millis << 16) | (0x7L << 12) | randA;
        long low = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
