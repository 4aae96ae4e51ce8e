package dev.lectavera.document.ingest;

import dev.lectavera.contracts.events.DocumentFailed;
import dev.lectavera.contracts.events.DocumentIndexed;
import dev.lectavera.document.ingest.Chunker.Chunk;
import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.model.FailureCode;
import dev.lectavera.document.repository.ChunkRepository;
import dev.lectavera.document.repository.DocumentJobRepository;
import dev.lectavera.document.repository.DocumentJobRepository.Abandoned;
import dev.lectavera.document.repository.DocumentJobRepository.Claim;
import dev.lectavera.document.repository.DocumentJobRepository.Completed;
import dev.lectavera.document.repository.PageRepository;
import dev.lectavera.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The end of processing, each in one transaction with its outbox event: either pages, chunks and vectors all
 * appear together with INDEXED, or the document is FAILED / NEEDS_OCR and has none. Both require the worker's
 * lease, so a deleted or re-claimed document is never written to.
 */
@ApplicationScoped
public class IndexWriter {

    private final DocumentJobRepository jobs;
    private final PageRepository pages;
    private final ChunkRepository chunks;
    private final OutboxWriter outbox;

    IndexWriter(DocumentJobRepository jobs, PageRepository pages, ChunkRepository chunks, OutboxWriter outbox) {
        this.jobs = jobs;
        this.pages = pages;
        this.chunks = chunks;
        this.outbox = outbox;
    }

    @Transactional(rollbackOn = Exception.class)
    public Completed complete(Claim claim, ExtractedDocument document, List<Chunk> chunkList, List<String> textHashes,
                              List<float[]> vectors, String embeddingModel) {
        if (!jobs.lockClaimed(claim)) {
            throw new LeaseLostException("Document " + claim.documentId() + " is no longer claimed by this worker");
        }
        pages.insertAll(claim.documentId(), document);
        chunks.insertAll(claim.documentId(), chunkList, textHashes, vectors);
        Completed completed = jobs.markIndexed(claim, document.pageCount(), document.ocrPages(), chunkList.size(),
                document.title(), document.author(), embeddingModel);
        outbox.append(claim.documentId(), new DocumentIndexed(claim.documentId(), completed.userId(), completed.title(),
                document.pageCount(), chunkList.size(),
                Duration.between(completed.createdAt(), completed.indexedAt()).toMillis(), completed.version(),
                completed.indexedAt()));
        return completed;
    }

    /** @return false when the claim is gone (nothing written) */
    @Transactional(rollbackOn = Exception.class)
    public boolean fail(Claim claim, DocumentStatus status, FailureCode code, String reason, Integer pageCount) {
        if (!jobs.markUnreadable(claim, status.name(), code.code(), reason, pageCount)) {
            return false;
        }
        outbox.append(claim.documentId(),
                new DocumentFailed(claim.documentId(), claim.userId(), status.name(), reason, Instant.now()));
        return true;
    }

    /** Fails the documents whose attempt started and never finished, each with its DocumentFailed. */
    @Transactional(rollbackOn = Exception.class)
    public List<Abandoned> failAbandoned(String reason) {
        List<Abandoned> failed = jobs.failAbandoned(FailureCode.CRASHED_PROCESSING.code(), reason);
        Instant now = Instant.now();
        for (Abandoned document : failed) {
            outbox.append(document.documentId(), new DocumentFailed(document.documentId(), document.userId(),
                    DocumentStatus.FAILED.name(), reason, now));
        }
        return failed;
    }
}
