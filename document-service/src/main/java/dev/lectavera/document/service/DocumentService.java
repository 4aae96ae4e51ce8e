package dev.lectavera.document.service;

import dev.lectavera.contracts.events.DocumentDeleted;
import dev.lectavera.contracts.events.DocumentUpdated;
import dev.lectavera.document.blob.BlobStore;
import dev.lectavera.document.cache.DocumentStatusCache;
import dev.lectavera.document.cache.StatusSnapshot;
import dev.lectavera.document.config.DocumentsConfig;
import dev.lectavera.document.model.Document;
import dev.lectavera.document.model.DocumentPage;
import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.repository.ChunkRepository;
import dev.lectavera.document.repository.DocumentRepository;
import dev.lectavera.document.repository.EmbeddingCacheRepository;
import dev.lectavera.document.repository.OwnerRepository;
import dev.lectavera.document.repository.PageRepository;
import dev.lectavera.document.search.VectorSearch;
import dev.lectavera.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reading and changing a user's documents. Every method takes the user id from the verified token and treats
 * somebody else's document exactly like a missing one (404).
 */
@ApplicationScoped
public class DocumentService {

    /** A filter of the list; null fields do not filter. {@code archived} null means not archived. */
    public record ListQuery(String category, String tag, Boolean archived, String text, int page, int size) {
    }

    public record DocumentList(List<Document> items, long total) {
    }

    /** A change of metadata; null fields stay as they are, an empty category clears it. */
    public record Changes(String title, String category, List<String> tags, Boolean archived) {
    }

    /** Fired inside the deleting transaction; after the commit the files and cached state go too. */
    public record DocumentsRemoved(List<UUID> documentIds, List<String> blobKeys) {
    }

    private static final Logger LOG = Logger.getLogger(DocumentService.class);

    private final OutboxWriter outbox;
    private final ChunkRepository chunks;
    private final PageRepository pages;
    private final EmbeddingCacheRepository embeddingCache;
    private final DocumentStatusCache statusCache;
    private final BlobStore blobs;
    private final VectorSearch vectorSearch;
    private final Event<DocumentsRemoved> removed;
    private final OwnerRepository owners;
    private final DocumentRepository documents;
    private final DocumentsConfig config;

    DocumentService(OutboxWriter outbox, ChunkRepository chunks, PageRepository pages,
                    EmbeddingCacheRepository embeddingCache, DocumentStatusCache statusCache, BlobStore blobs,
                    VectorSearch vectorSearch, Event<DocumentsRemoved> removed, OwnerRepository owners,
                    DocumentRepository documents, DocumentsConfig config) {
        this.config = config;
        this.owners = owners;
        this.documents = documents;
        this.outbox = outbox;
        this.chunks = chunks;
        this.pages = pages;
        this.embeddingCache = embeddingCache;
        this.statusCache = statusCache;
        this.blobs = blobs;
        this.vectorSearch = vectorSearch;
        this.removed = removed;
    }

    // Reads run outside a transaction (one auto-commit statement each, as in study and quiz): a JTA transaction
    // around them cost a COMMIT round trip and the transaction manager's work on every read (issue 20).
    public Document get(UUID userId, UUID id) {
        return documents.findOwned(userId, id).orElseThrow(() -> notFound(id));
    }

    public DocumentList list(UUID userId, ListQuery query) {
        DocumentRepository.Filter filter = new DocumentRepository.Filter(
                query.archived() != null && query.archived(), query.category(), query.tag(), query.text());
        return new DocumentList(documents.list(userId, filter, query.page(), query.size()),
                documents.count(userId, filter));
    }

    /** Applies the changes; a change bumps the version and emits DocumentUpdated. */
    @Transactional
    public Document update(UUID userId, UUID id, Changes changes) {
        Document document = documents.findOwnedForUpdate(userId, id).orElseThrow(() -> notFound(id));
        boolean changed = false;
        if (changes.title() != null && !changes.title().strip().equals(document.title)) {
            document.title = changes.title().strip();
            changed = true;
        }
        boolean titleChosen = changes.title() != null && !document.titleFromUser;
        if (changes.title() != null) {
            document.titleFromUser = true; // from now on the PDF's metadata title never overrides it
        }
        if (changes.category() != null) {
            String category = changes.category().isBlank() ? null : changes.category().strip();
            if (!Objects.equals(category, document.category)) {
                document.category = category;
                changed = true;
            }
        }
        if (changes.tags() != null) {
            List<String> tags = normalizeTags(changes.tags());
            if (!tags.equals(document.tags)) {
                document.tags = tags;
                changed = true;
            }
        }
        if (changes.archived() != null && changes.archived() != document.archived) {
            document.archived = changes.archived();
            changed = true;
        }
        if (changed) {
            document.version++;
            document.updatedAt = Instant.now();
            outbox.append(document.id, new DocumentUpdated(document.id, document.userId, document.version,
                    document.title, document.category, List.copyOf(document.tags), document.archived,
                    document.updatedAt));
        }
        if (changed || titleChosen) {
            documents.updateMetadata(document);
        }
        return document;
    }

    /** Deletes the document with its pages, chunks, vectors and cached state; the file goes after the commit. */
    @Transactional(rollbackOn = Exception.class)
    public void delete(UUID userId, UUID id) {
        Document document = documents.findOwnedForUpdate(userId, id).orElseThrow(() -> notFound(id));
        remove(List.of(document));
    }

    /**
     * Every document of the user (UserDeleted), and a tombstone that refuses whatever arrives for them later: taken
     * under the user's lock, so an upload in flight either committed before (and is purged here) or sees the
     * tombstone. A worker still processing one of these documents loses its claim and writes nothing. Within the
     * caller's transaction.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, rollbackOn = Exception.class)
    public int purgeUser(UUID userId) {
        owners.lock(userId);
        owners.markDeleted(userId);
        List<Document> owned = documents.lockAll(userId);
        remove(owned);
        return owned.size();
    }

    private void remove(List<Document> removedDocuments) {
        if (removedDocuments.isEmpty()) {
            return;
        }
        List<String> textHashes = new ArrayList<>();
        for (Document document : removedDocuments) {
            textHashes.addAll(chunks.textHashes(document.id));
        }
        Instant now = Instant.now();
        for (Document document : removedDocuments) {
            documents.delete(document.id); // pages and chunks follow (ON DELETE CASCADE)
            outbox.append(document.id, new DocumentDeleted(document.id, document.userId, now));
        }
        embeddingCache.deleteUnreferenced(textHashes);
        removed.fire(new DocumentsRemoved(removedDocuments.stream().map(d -> d.id).toList(),
                removedDocuments.stream().map(d -> d.blobKey).toList()));
    }

    void afterRemoval(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentsRemoved event) {
        for (String key : event.blobKeys()) {
            try {
                blobs.delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Document file %s could not be deleted: %s", key, e.toString());
            }
        }
        for (UUID id : event.documentIds()) {
            statusCache.evict(id);
        }
        vectorSearch.forget(event.documentIds());
    }

    /** Redis first (written at every step of processing), the database when Redis has nothing or is down. */
    @Transactional
    public StatusSnapshot status(UUID userId, UUID id) {
        Optional<StatusSnapshot> cached = statusCache.get(id);
        if (cached.isPresent()) {
            if (!userId.equals(cached.get().userId())) {
                throw notFound(id);
            }
            return cached.get();
        }
        Document document = documents.findOwned(userId, id).orElseThrow(() -> notFound(id));
        int pagesDone = document.status == DocumentStatus.INDEXED && document.pageCount != null
                ? document.pageCount : document.pagesDone;
        return new StatusSnapshot(document.id, document.userId, document.status.name(), pagesDone, document.pageCount,
                document.failureCode, document.failureReason, document.updatedAt);
    }

    /** The text of one page of an indexed document (the text chunk offsets point into). */
    /** The pages among {@code pages} whose OCR'd text is doubtful (see {@link DocumentPage#lowConfidence()}). */
    @Transactional
    public Set<PageRepository.PageRef> lowConfidencePages(Collection<PageRepository.PageRef> pages) {
        return this.pages.lowConfidence(pages, config.ocr().lowConfidence());
    }

    @Transactional
    public DocumentPage page(UUID userId, UUID id, int pageNumber) {
        Document document = documents.findOwned(userId, id).orElseThrow(() -> notFound(id));
        PageRepository.StoredPage page = pages.page(document.id, pageNumber)
                .orElseThrow(() -> new NotFoundException("Document " + id + " has no extracted page " + pageNumber));
        boolean ocr = "ocr".equals(page.textSource());
        // a page OCR found no word on is as doubtful as a badly read one
        boolean lowConfidence = ocr && (page.ocrConfidence() == null
                || page.ocrConfidence() < config.ocr().lowConfidence());
        return new DocumentPage(pageNumber, page.text(), page.textSource(), page.ocrConfidence(), lowConfidence);
    }

    public static List<String> normalizeTags(List<String> tags) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                unique.add(tag.strip());
            }
        }
        return new ArrayList<>(unique);
    }

    public static NotFoundException notFound(UUID id) {
        return new NotFoundException("Document " + id + " not found");
    }
}
