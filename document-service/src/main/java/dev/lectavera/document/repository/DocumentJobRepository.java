package dev.lectavera.document.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    private final AgroalDataSource dataSource;

    DocumentJobRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A document whose attempt started and never finished, now FAILED. */
    public record Abandoned(UUID documentId, UUID userId, String blobKey, Integer pageCount) {
    }

    /** Claims the oldest queued document that is due. */
    public Optional<Claim> claimNext(Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement claim = c.prepareStatement("""
                     UPDATE document d
                     SET status = 'PROCESSING', lease_token = ?, lease_expires_at = now() + make_interval(secs => ?),
                         attempts = d.attempts + 1, processing_started_at = coalesce(d.processing_started_at, now()),
                         updated_at = now()
                     WHERE d.id = (SELECT id FROM document
                                   WHERE status = 'QUEUED' AND next_attempt_at <= now()
                                   ORDER BY created_at
                                   LIMIT 1
                                   FOR UPDATE SKIP LOCKED)
                     RETURNING d.id, d.user_id, d.lease_token, d.blob_key, d.attempts, d.created_at""")) {
            claim.setObject(1, UUID.randomUUID());
            claim.setDouble(2, lease.toMillis() / 1000.0);
            try (ResultSet rs = claim.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5),
                        rs.getTimestamp(6).toInstant()));
            }
        }
    }

    /** Renews the lease and records progress; false when the claim is gone (document deleted or taken over). */
    public boolean heartbeat(Claim claim, Duration lease, int pagesDone) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE document SET lease_expires_at = now() + make_interval(secs => ?), pages_done = ?,
                                         updated_at = now()
                     WHERE id = ? AND lease_token = ? AND status = 'PROCESSING'""")) {
            update.setDouble(1, lease.toMillis() / 1000.0);
            update.setInt(2, pagesDone);
            update.setObject(3, claim.documentId());
            update.setObject(4, claim.leaseToken());
            return update.executeUpdate() == 1;
        }
    }

    /** Renews the lease only; false when the claim is gone. */
    public boolean renewLease(Claim claim, Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE document SET lease_expires_at = now() + make_interval(secs => ?)
                     WHERE id = ? AND lease_token = ? AND status = 'PROCESSING'""")) {
            update.setDouble(1, lease.toMillis() / 1000.0);
            update.setObject(2, claim.documentId());
            update.setObject(3, claim.leaseToken());
            return update.executeUpdate() == 1;
        }
    }

    /** Records the page count as soon as it is known (status reads fall back to it). */
    public void pageCount(Claim claim, int pageCount) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE document SET page_count = ? WHERE id = ? AND lease_token = ?")) {
            update.setInt(1, pageCount);
            update.setObject(2, claim.documentId());
            update.setObject(3, claim.leaseToken());
            update.executeUpdate();
        }
    }

    /** Locks the claimed row for the final transaction; false when the claim is gone. Within a transaction. */
    public boolean lockClaimed(Claim claim) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT 1 FROM document WHERE id = ? AND lease_token = ? AND status = 'PROCESSING' FOR UPDATE""")) {
            select.setObject(1, claim.documentId());
            select.setObject(2, claim.leaseToken());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Marks the locked document INDEXED (within the transaction that wrote pages and chunks). */
    public Completed markIndexed(Claim claim, int pageCount, int chunkCount, String metadataTitle, String author,
                                 String embeddingModel) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE document
                     SET status = 'INDEXED', page_count = ?, pages_done = ?, chunk_count = ?,
                         title = CASE WHEN title_from_user OR ?::text IS NULL THEN title ELSE ?::text END,
                         author = ?, embedding_model = ?, version = version + 1, failure_reason = NULL,
                         lease_token = NULL, lease_expires_at = NULL, indexed_at = now(), updated_at = now()
                     WHERE id = ? AND lease_token = ?
                     RETURNING user_id, title, version, created_at, indexed_at""")) {
            update.setInt(1, pageCount);
            update.setInt(2, pageCount);
            update.setInt(3, chunkCount);
            update.setString(4, metadataTitle);
            update.setString(5, metadataTitle);
            update.setString(6, author);
            update.setString(7, embeddingModel);
            update.setObject(8, claim.documentId());
            update.setObject(9, claim.leaseToken());
            try (ResultSet rs = update.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Claim on " + claim.documentId() + " vanished under its lock");
                }
                return new Completed(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
            }
        }
    }

    /** Ends processing without an index (FAILED or NEEDS_OCR); false when the claim is gone. */
    public boolean markUnreadable(Claim claim, String status, String code, String reason, Integer pageCount)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE document
                     SET status = ?, failure_code = ?, failure_reason = ?, page_count = coalesce(?, page_count),
                         pages_done = 0, chunk_count = 0, lease_token = NULL, lease_expires_at = NULL,
                         updated_at = now()
                     WHERE id = ? AND lease_token = ? AND status = 'PROCESSING'""")) {
            update.setString(1, status);
            update.setString(2, code);
            update.setString(3, reason);
            update.setObject(4, pageCount);
            update.setObject(5, claim.documentId());
            update.setObject(6, claim.leaseToken());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Fails every document whose attempt started and never finished (PROCESSING with a lapsed lease: its process
     * died, or its worker hung past the deadline and stopped renewing). Within the caller's transaction.
     */
    public List<Abandoned> failAbandoned(String code, String reason) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE document d
                     SET status = 'FAILED', failure_code = ?, failure_reason = ?, pages_done = 0, chunk_count = 0,
                         lease_token = NULL, lease_expires_at = NULL, updated_at = now()
                     WHERE d.id IN (SELECT id FROM document
                                    WHERE status = 'PROCESSING' AND (lease_expires_at IS NULL OR lease_expires_at < now())
                                    FOR UPDATE SKIP LOCKED)
                     RETURNING d.id, d.user_id, d.blob_key, d.page_count""")) {
            update.setString(1, code);
            update.setString(2, reason);
            List<Abandoned> failed = new ArrayList<>();
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    failed.add(new Abandoned(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            (Integer) rs.getObject(4)));
                }
            }
            return failed;
        }
    }

    /** Gives the document back to the queue, to be tried again after {@code delay}. */
    public boolean requeue(Claim claim, Duration delay) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE document
                     SET status = 'QUEUED', next_attempt_at = now() + make_interval(secs => ?), pages_done = 0,
                         lease_token = NULL, lease_expires_at = NULL, updated_at = now()
                     WHERE id = ? AND lease_token = ? AND status = 'PROCESSING'""")) {
            update.setDouble(1, delay.toMillis() / 1000.0);
            update.setObject(2, claim.documentId());
            update.setObject(3, claim.leaseToken());
            return update.executeUpdate() == 1;
        }
    }

    /** At shutdown: documents this instance holds go back to the queue at once (no lease wait on restart). */
    public int release(Collection<UUID> leaseTokens) throws SQLException {
        if (leaseTokens.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE document
                     SET status = 'QUEUED', next_attempt_at = now(), pages_done = 0, lease_token = NULL,
                         lease_expires_at = NULL, attempts = greatest(attempts - 1, 0), updated_at = now()
                     WHERE lease_token = ANY (?) AND status = 'PROCESSING'""")) {
            update.setArray(1, c.createArrayOf("uuid", leaseTokens.toArray()));
            return update.executeUpdate();
        }
    }

    /** Unfinished documents: [queued, processing, processing with a lapsed lease]. */
    public long[] backlog() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT count(*) FILTER (WHERE status = 'QUEUED'),
                            count(*) FILTER (WHERE status = 'PROCESSING'),
                            count(*) FILTER (WHERE status = 'PROCESSING' AND (lease_expires_at IS NULL
                                                                              OR lease_expires_at < now()))
                     FROM document WHERE status IN ('QUEUED', 'PROCESSING')""");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }
}
