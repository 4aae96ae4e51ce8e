package dev.lectavera.document.service;

import dev.lectavera.document.blob.BlobStore;
import dev.lectavera.document.config.DocumentsConfig;
import dev.lectavera.document.ingest.IngestionDispatcher.DocumentQueued;
import dev.lectavera.document.ingest.ProgressReporter;
import dev.lectavera.document.model.Document;
import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.repository.DocumentRepository;
import dev.lectavera.document.repository.OwnerRepository;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores an uploaded PDF and queues it. The file is streamed once into the blob store while its SHA-256 is
 * computed; the same file uploaded again by the same user is the same document. Either the row and the blob
 * both exist afterwards, or neither does.
 */
@ApplicationScoped
public class UploadService {

    /** The document, and whether this upload created it (false: the same file was already there). */
    public record Uploaded(Document document, boolean created) {
    }

    /** What the user said about the file; all optional. */
    public record Metadata(String filename, String title, String category, List<String> tags) {
    }

    private static final Logger LOG = Logger.getLogger(UploadService.class);

    private static final URI ACCOUNT_DELETED = URI.create("urn:lectavera:problem:account-deleted");

    private final BlobStore blobs;
    private final DocumentsConfig config;
    private final Event<DocumentQueued> queued;
    private final ProgressReporter progress;
    private final OwnerRepository owners;
    private final QuotaService quota;
    private final DocumentRepository documents;

    UploadService(BlobStore blobs, DocumentsConfig config, Event<DocumentQueued> queued, ProgressReporter progress,
                  OwnerRepository owners, QuotaService quota, DocumentRepository documents) {
        this.blobs = blobs;
        this.config = config;
        this.queued = queued;
        this.progress = progress;
        this.owners = owners;
        this.quota = quota;
        this.documents = documents;
    }

    /** @param file a PDF already checked for type and size (the multipart layer spooled it to disk) */
    public Uploaded upload(UUID userId, Path file, Metadata metadata) throws IOException {
        UUID id = UUID.randomUUID();
        String blobKey = userId + "/" + id + ".pdf";
        MessageDigest sha256 = Hashes.sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            size = blobs.put(blobKey, in);
        }
        String hash = Hashes.hex(sha256.digest());
        try {
            Optional<Document> existing = QuarkusTransaction.requiringNew()
                    .call(() -> documents.findBySha256(userId, hash));
            if (existing.isPresent()) {
                deleteQuietly(blobKey);
                return new Uploaded(existing.get(), false);
            }
            // QUEUED is reported before the row commits: from the commit on, a worker may index a small document
            // within milliseconds, and a QUEUED written after its INDEXED would hide it (in Redis, for the status
            // TTL) and reach the user's channel last. Withdrawn below if the insert fails.
            progress.report(userId, id, DocumentStatus.QUEUED, 0, null);
            Document created = QuarkusTransaction.requiringNew().call(() -> insert(id, userId, hash, size, blobKey,
                    metadata));
            return new Uploaded(created, true);
        } catch (HttpProblem refused) {
            progress.withdraw(id);
            deleteQuietly(blobKey);
            throw refused;
        } catch (RuntimeException e) {
            progress.withdraw(id);
            deleteQuietly(blobKey);
            // a concurrent upload of the same file won the unique (user_id, sha256) race: same document
            Optional<Document> winner = QuarkusTransaction.requiringNew().call(() -> documents.findBySha256(userId, hash));
            if (winner.isPresent()) {
                return new Uploaded(winner.get(), false);
            }
            throw e;
        }
    }

    /**
     * Under the user's lock (held to the commit): a user purged by UserDeleted gets nothing stored, and the quota
     * is checked against every document committed before, so two parallel uploads cannot share the same room.
     */
    private Document insert(UUID id, UUID userId, String hash, long size, String blobKey, Metadata metadata) {
        owners.lock(userId);
        if (owners.isDeleted(userId)) {
            throw HttpProblem.builder().withType(ACCOUNT_DELETED).withStatus(Response.Status.UNAUTHORIZED)
                    .withTitle("Account deleted").withDetail("This account has been deleted.")
                    .with("code", "account_deleted").build();
        }
        quota.checkLocked(userId, size);
        Instant now = Instant.now();
        Document document = new Document();
        document.id = id;
        document.userId = userId;
        document.sha256 = hash;
        document.titleFromUser = metadata.title() != null;
        document.title = metadata.title() != null ? metadata.title() : titleFromFilename(metadata.filename());
        document.originalFilename = metadata.filename() == null ? null
                : metadata.filename().substring(0, Math.min(255, metadata.filename().length()));
        document.category = metadata.category();
        document.tags = metadata.tags();
        document.status = DocumentStatus.QUEUED;
        document.sizeBytes = size;
        document.blobKey = blobKey;
        document.version = 1;
        document.createdAt = now;
        document.updatedAt = now;
        documents.insert(document);
        queued.fire(new DocumentQueued(id));
        return document;
    }

    static String titleFromFilename(String filename) {
        if (filename == null || filename.isBlank()) {
            return "Untitled document";
        }
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            name = name.substring(0, name.length() - 4);
        }
        name = name.replaceAll("[\\p{Cntrl}]", "").replace('_', ' ').strip();
        if (name.isEmpty()) {
            return "Untitled document";
        }
        return name.length() > 200 ? name.substring(0, 200).strip() : name;
    }

    private void deleteQuietly(String blobKey) {
        try {
            blobs.delete(blobKey);
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Could not delete blob %s: %s", blobKey, e.toString());
        }
    }

    public long maxUploadBytes() {
        return config.maxUploadSize().asLongValue();
    }
}
