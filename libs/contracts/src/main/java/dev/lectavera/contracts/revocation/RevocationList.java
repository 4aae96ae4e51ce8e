package dev.lectavera.contracts.revocation;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocations in force, held in memory by every reader (the gateway, each service) so that a request asks no one:
 * revoked token ids ({@code jti}) and per-user "issued before" marks, each until its Redis key's expiry. State only:
 * the readers feed it from {@link RevocationKeys#CHANNEL} ({@link #apply}) and from full loads of the keys
 * ({@link #startLoad} … {@link #replaceWith}); it knows nothing of Redis.
 * <p>
 * Thread-safe: {@link #isRevoked} reads without locking (it runs on every request); the rare writes are serialised.
 * A full load replaces everything, except what notices brought in after the load began: the load's key scan may have
 * passed those keys before they were written, so dropping them would undo a revocation.
 */
public final class RevocationList {

    /** A notice without {@code until}, or a key without a TTL: kept until a full load no longer finds it. */
    static final long UNTIL_UNKNOWN = Long.MAX_VALUE;

    /**
     * @param mark    for a user's mark: tokens issued (iat, epoch seconds) before it are void; 0 for a token id
     * @param until   epoch seconds after which the entry no longer matters (its key has expired)
     * @param version when it was written, in the list's own sequence of writes and load starts
     */
    private record Entry(long mark, long until, long version) {

        /** The two combined: the later mark, the later expiry, the later write. */
        Entry laterOf(Entry other) {
            return new Entry(Math.max(mark, other.mark), Math.max(until, other.until), Math.max(version, other.version));
        }
    }

    private volatile Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private volatile Map<String, Entry> marks = new ConcurrentHashMap<>();
    private long writes;
    /** When the running full load began (epoch ms), 0 when none runs. */
    private long loadingSince;
    /** A load was asked for while one ran: it follows the running one. */
    private boolean anotherLoadWanted;

    /**
     * Whether a token is void: its {@code jti} revoked, or issued before its user's mark. A token without a jti or a
     * subject cannot be checked and counts as revoked.
     */
    public boolean isRevoked(String jti, String userId, long issuedAtSeconds) {
        if (jti == null || userId == null) {
            return true;
        }
        if (tokens.containsKey(jti)) {
            return true;
        }
        Entry mark = marks.get(userId);
        return mark != null && issuedAtSeconds < mark.mark();
    }

    /** A notice from the channel (or the writer's own): the revocation holds from now on. */
    public synchronized void apply(RevocationNotice notice) {
        if (notice == null || notice.userId() == null) {
            return;
        }
        long until = notice.until() == null ? UNTIL_UNKNOWN : notice.until();
        if (notice.jti() != null) {
            tokens.merge(notice.jti(), new Entry(0, until, ++writes), Entry::laterOf);
        }
        if (notice.before() != null) {
            marks.merge(notice.userId(), new Entry(notice.before(), until, ++writes), Entry::laterOf);
        }
    }

    /** A message of the channel; false when it is not a notice (ignored). */
    public boolean applyMessage(String payload) {
        RevocationNotice notice = RevocationNotice.fromJson(payload);
        if (notice == null) {
            return false;
        }
        apply(notice);
        return true;
    }

    /** Begins a full load: feed it every key found, then {@link #replaceWith} it. */
    public synchronized Load startLoad() {
        return new Load(++writes);
    }

    /**
     * Begins a full load unless another one is running (null then, and the running one is told to be followed by
     * another: a load asked for now — after a new subscription, say — must see Redis as it is now, which one begun
     * earlier may not). One load at a time per reader, but one that has run for {@code timeoutMillis} (Redis hanging)
     * no longer blocks the next; should it finish late, its keys are merged like any load's, which undoes nothing.
     */
    public synchronized Load tryStartLoad(long nowMillis, long timeoutMillis) {
        if (loadingSince != 0 && nowMillis - loadingSince < timeoutMillis) {
            anotherLoadWanted = true;
            return null;
        }
        loadingSince = nowMillis;
        anotherLoadWanted = false;
        return startLoad();
    }

    /**
     * The load is complete: its keys become the list ({@link #replaceWith}) and what has expired is dropped. True when
     * a load was asked for while this one ran: the caller starts it now.
     */
    public synchronized boolean finish(Load load, long nowMillis) {
        loadingSince = 0;
        replaceWith(load);
        dropExpired(nowMillis / 1000);
        return anotherLoadWanted;
    }

    /** The load failed: the list stays as it was, and the next load may start. */
    public synchronized void abandonLoad() {
        loadingSince = 0;
    }

    /**
     * Makes the load's keys the whole list, keeping what notices brought in since the load began (marks: the later
     * one wins).
     */
    public synchronized void replaceWith(Load load) {
        Map<String, Entry> newTokens = new ConcurrentHashMap<>(load.tokens);
        Map<String, Entry> newMarks = new ConcurrentHashMap<>(load.marks);
        keepNewer(tokens, newTokens, load.version);
        keepNewer(marks, newMarks, load.version);
        tokens = newTokens;
        marks = newMarks;
    }

    /** Forgets revocations whose keys have expired (their tokens are past their expiry, with the services' skew). */
    public synchronized void dropExpired(long nowEpochSeconds) {
        tokens.values().removeIf(entry -> entry.until() <= nowEpochSeconds);
        marks.values().removeIf(entry -> entry.until() <= nowEpochSeconds);
    }

    public int revokedTokenCount() {
        return tokens.size();
    }

    public int markCount() {
        return marks.size();
    }

    private static void keepNewer(Map<String, Entry> current, Map<String, Entry> loaded, long loadVersion) {
        current.forEach((key, entry) -> {
            if (entry.version() > loadVersion) {
                loaded.merge(key, entry, Entry::laterOf);
            }
        });
    }

    /** The keys of one full load, as Redis reported them; used by one loader at a time. */
    public static final class Load {

        private final long version;
        private final Map<String, Entry> tokens = new HashMap<>();
        private final Map<String, Entry> marks = new HashMap<>();

        private Load(long version) {
            this.version = version;
        }

        /**
         * One key of {@link RevocationKeys#SCAN_PATTERN} with its value and its {@code PTTL} (milliseconds; -1 no
         * expiry, -2 gone) read at {@code nowMillis}. A key of another shape, gone, or with an unreadable mark is
         * skipped.
         */
        public void add(String key, String value, long pttlMillis, long nowMillis) {
            if (key == null || value == null || pttlMillis == -2) {
                return;
            }
            long until = pttlMillis < 0 ? UNTIL_UNKNOWN : Math.ceilDiv(nowMillis + pttlMillis, 1000L);
            if (key.startsWith(RevocationKeys.REVOKED_BEFORE_PREFIX)) {
                String userId = key.substring(RevocationKeys.REVOKED_BEFORE_PREFIX.length());
                Long mark = epochSeconds(value);
                if (!userId.isEmpty() && mark != null) {
                    marks.merge(userId, new Entry(mark, until, version), Entry::laterOf);
                }
            } else if (key.startsWith(RevocationKeys.REVOKED_TOKEN_PREFIX)) {
                String jti = key.substring(RevocationKeys.REVOKED_TOKEN_PREFIX.length());
                if (!jti.isEmpty()) {
                    tokens.put(jti, new Entry(0, until, version));
                }
            }
        }

        public int size() {
            return tokens.size() + marks.size();
        }

        private static Long epochSeconds(String value) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
