package dev.lectavera.document.repository;

import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The document table as a job queue. A worker claims a queued document with {@code FOR UPDATE SKIP LOCKED},
 * receiving a lease token (the claim is the attempt's record, committed before any work starts); it renews the
 * lease while it works; completing or failing requires the token. A lease that lapses means the attempt never
 * finished (its process died or hung): such a document is failed ({@code crashed_processing}), never run again the
 * same way, so one file cannot take the service down twice.
 */
@ApplicationScoped
public class DocumentJobRepository {

    /** A claimed document. */
    public record Claim(UUID documentId, UUID userId, UUID leaseToken, String blobKey, int attempts,
                        Instant createdAt) {
    }

    /** What the completion changed, for the DocumentIndexed event. */
    public record Completed(UUID userId, String title, long version, Instant createdAt, Instant indexedAt) {
    }

    private final Database database;

    DocumentJobRepository(Database database) {
        this.database = database;
    }

    /** A document whose attempt started and never finished, now FAILED. */
    public record Abandoned(UUID documentId, UUID userId, String blobKey, Integer pageCount) {
    }

    /** Claims the oldest queued document that is due. */
    public Optional<Claim> claimNext(Duration lease) {
        return database.queryFirst("""
                UPDATE document d
                SET status = 'PROCESSING', lease_token = ?, lease_expires_at = now() + make_interval(secs => ?),
                    attempts = d.attempts + 1, processing_started_at = coalesce(d.processing_started_at, now()),
                    updated_at = now()
                WHERE d.id = (SELECT id FROM document
                              WHERE status = 'QUEUED' AND next_attempt_at <= now()
                              ORDER BY created_at
                              LIMIT 1
                              FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.user_id, d.lease_token, d.blob_key, d.attempts, d.created_at""",
                row -> new Claim(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class), row.getString(4), row.getInt(5), Sql.instant(row, "created_at")),
                UUID.randomUUID(), seconds(lease));
    }

    /** Renews the lease and records progress; false when the claim is gone (document deleted or taken over). */
    public boolean heartbeat(Claim claim, Duration lease, int pagesDone) {
        return database.update("""
                UPDATE document SET lease_expires_at = now() + make_interval(secs => ?), pages_done = ?,
                                    updated_at = now()
                WHERE id = ? AND lease_token = ? AND status = 'PROCESSING'""",
                seconds(lease), pagesDone, claim.documentId(), claim.leaseToken()) == 1;
    }

    /** Renews the lease only; false when the claim is gone. */
    public boolean renewLease(Claim claim, Duration lease) {
        return database.update("""
                UPDATE document SET lease_expires_at = now() + make_interval(secs => ?)
                WHERE id = ? AND lease_token = ? AND status = 'PROCESSING'""",
                seconds(lease), claim.documentId(), claim.leaseToken()) == 1;
    }

    /** Records the page count as soon as it is known (status reads fall back to it). */
    public void pageCount(Claim claim, int pageCount) {
        database.update("UPDATE document SET page_count = ? WHERE id = ? AND lease_token = ?",
                pageCount, claim.documentId(), claim.leaseToken());
    }

    /** Locks the claimed row for the final transaction; false when the claim is gone. Within a transaction. */
    public boolean lockClaimed(Claim claim) {
        return !database.query("""
                SELECT 1 FROM document WHERE id = ? AND lease_token = ? AND status = 'PROCESSING' FOR UPDATE""",
                row -> 1, claim.documentId(), claim.leaseToken()).isEmpty();
    }

    /** Marks the locked document INDEXED (within the transaction that wrote pages and chunks). */
    public Completed markIndexed(Claim claim, int pageCount, int ocrPages, int chunkCount, String metadataTitle,
                                 String author, String embeddingModel) {
        return database.queryFirst("""
                UPDATE document
                SET status = 'INDEXED', page_count = ?, pages_done = ?, ocr_pages = ?, chunk_count = ?,
                    title = CASE WHEN title_from_user OR ?::text IS NULL THEN title ELSE ?::text END,
                    author = ?, embedding_model = ?, version = version + 1, failure_reason = NULL,
                    lease_token = NULL, lease_expires_at = NULL, indexed_at = now(), updated_at = now()
                WHERE id = ? AND lease_token = ?
                RETURNING user_id, title, version, created_at, indexed_at""",
                row -> new Completed(row.getObject(1, UUID.class), row.getString(2), row.getLong(3),
                        Sql.instant(row, "created_at"), Sql.instant(row, "indexed_at")),
                pageCount, pageCount, ocrPages, chunkCount, metadataTitle, metadataTitle, author, embeddingModel,
                claim.documentId(), claim.leaseToken())
                .orElseThrow(() -> new IllegalStateException(
                        "Claim on " + claim.documentId() + " vanished under its lock"));
    }

    /** Ends processing without an index (FAILED or NEEDS_OCR); false when the claim is gone. */
    public boolean markUnreadable(Claim claim, String status, String code, String reason, Integer pageCount) {
        return database.update("""
                UPDATE document
                SET status = ?, failure_code = ?, failure_reason = ?, page_count = coalesce(?::integer, page_count),
                    pages_done = 0, chunk_count = 0, lease_token = NULL, lease_expires_at = NULL,
                    updated_at = now()
                WHERE id = ? AND lease_token = ? AND status = 'PROCESSING'""",
                status, code, reason, pageCount, claim.documentId(), claim.leaseToken()) == 1;
    }

    /**
     * Fails every document whose attempt started and never finished (PROCESSING with a lapsed lease: its process
     * died, or its worker hung past the deadline and stopped renewing). Within the caller's transaction.
     */
    public List<Abandoned> failAbandoned(String code, String reason) {
        return database.query("""
                UPDATE document d
                SET status = 'FAILED', failure_code = ?, failure_reason = ?, pages_done = 0, chunk_count = 0,
                    lease_token = NULL, lease_expires_at = NULL, updated_at = now()
                WHERE d.id IN (SELECT id FROM document
                               WHERE status = 'PROCESSING' AND (lease_expires_at IS NULL OR lease_expires_at < now())
                               FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.user_id, d.blob_key, d.page_count""",
                row -> new Abandoned(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                        Sql.nullableInt(row, "page_count")),
                code, reason);
    }

    /** Gives the document back to the queue, to be tried again after {@code delay}. */
    public boolean requeue(Claim claim, Duration delay) {
        return database.update("""
                UPDATE document
                SET status = 'QUEUED', next_attempt_at = now() + make_interval(secs => ?), pages_done = 0,
                    lease_token = NULL, lease_expires_at = NULL, updated_at = now()
                WHERE id = ? AND lease_token = ? AND status = 'PROCESSING'""",
                seconds(delay), claim.documentId(), claim.leaseToken()) == 1;
    }

    /** At shutdown: documents this instance holds go back to the queue at once (no lease wait on restart). */
    public int release(Collection<UUID> leaseTokens) {
        if (leaseTokens.isEmpty()) {
            return 0;
        }
        return database.update("""
                UPDATE document
                SET status = 'QUEUED', next_attempt_at = now(), pages_done = 0, lease_token = NULL,
                    lease_expires_at = NULL, attempts = greatest(attempts - 1, 0), updated_at = now()
                WHERE lease_token = ANY (?) AND status = 'PROCESSING'""", Sql.array("uuid", leaseTokens));
    }

    /** Unfinished documents: [queued, processing, processing with a lapsed lease]. */
    public long[] backlog() {
        return database.queryOne("""
                SELECT count(*) FILTER (WHERE status = 'QUEUED'),
                       count(*) FILTER (WHERE status = 'PROCESSING'),
                       count(*) FILTER (WHERE status = 'PROCESSING' AND (lease_expires_at IS NULL
                                                                         OR lease_expires_at < now()))
                FROM document WHERE status IN ('QUEUED', 'PROCESSING')""",
                row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)});
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
