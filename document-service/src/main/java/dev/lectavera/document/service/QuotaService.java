package dev.lectavera.document.service;

import dev.lectavera.document.config.DocumentsConfig;
import dev.lectavera.document.repository.OwnerRepository;
import dev.lectavera.document.repository.OwnerRepository.Usage;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/**
 * A user's storage quota: bytes of original files and number of documents. Checked twice: before an upload's
 * body is read (from its declared length, a cheap early refusal) and when the document row is inserted, under the
 * user's lock, so two parallel uploads can never both pass on the same room.
 */
@ApplicationScoped
public class QuotaService {

    /** What the usage route shows. */
    public record Report(long bytesUsed, long bytesQuota, long documents, long documentsQuota) {
    }

    static final String CODE = "quota_exceeded";
    private static final URI TYPE = URI.create("urn:lectavera:problem:quota-exceeded");

    private final OwnerRepository owners;
    private final long maxBytes;
    private final long maxDocuments;

    QuotaService(OwnerRepository owners, DocumentsConfig config) {
        this.owners = owners;
        this.maxBytes = config.quota().maxBytes().asLongValue();
        this.maxDocuments = config.quota().maxDocuments();
    }

    @Transactional
    public Report report(UUID userId) {
        Usage usage = owners.usage(userId);
        return new Report(usage.bytes(), maxBytes, usage.documents(), maxDocuments);
    }

    /**
     * Before the body is read: refuses when the user has no document left, or when even the file's smallest
     * possible size ({@code fileBytesAtLeast}; unknown: 0) does not fit.
     */
    @Transactional
    public void checkBeforeUpload(UUID userId, long fileBytesAtLeast) {
        check(owners.usage(userId), Math.max(0, fileBytesAtLeast));
    }

    /** When the row is inserted: within the inserting transaction, which holds the user's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkLocked(UUID userId, long fileBytes) {
        check(owners.usage(userId), fileBytes);
    }

    private void check(Usage usage, long fileBytes) {
        if (usage.documents() >= maxDocuments) {
            throw exceeded(Response.Status.CONFLICT, String.format(Locale.ROOT,
                    "You have %d documents; the limit is %d. Delete documents you no longer need to upload more.",
                    usage.documents(), maxDocuments), usage, fileBytes);
        }
        if (usage.bytes() + fileBytes > maxBytes) {
            throw exceeded(Response.Status.REQUEST_ENTITY_TOO_LARGE, String.format(Locale.ROOT,
                    "Your documents use %s of your %s; this file (%s) does not fit. Delete documents you no longer"
                            + " need to upload more.", size(usage.bytes()), size(maxBytes), size(fileBytes)),
                    usage, fileBytes);
        }
    }

    private HttpProblem exceeded(Response.Status status, String detail, Usage usage, long fileBytes) {
        return HttpProblem.builder()
                .withType(TYPE)
                .withStatus(status)
                .withTitle("Quota exceeded")
                .withDetail(detail)
                .with("code", CODE)
                .with("bytesUsed", usage.bytes())
                .with("bytesQuota", maxBytes)
                .with("fileBytes", fileBytes)
                .with("documents", usage.documents())
                .with("documentsQuota", maxDocuments)
                .build();
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
}
