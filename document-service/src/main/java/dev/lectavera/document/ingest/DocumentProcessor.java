package dev.lectavera.document.ingest;

import dev.lectavera.document.blob.BlobStore;
import dev.lectavera.document.config.DocumentsConfig;
import dev.lectavera.document.ingest.Chunker.Chunk;
import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.repository.DocumentJobRepository;
import dev.lectavera.document.repository.DocumentJobRepository.Claim;
import dev.lectavera.document.repository.DocumentJobRepository.Completed;
import dev.lectavera.document.service.Hashes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Processes one claimed document: extract page texts (PDFBox), chunk them, embed the chunks in batches, then
 * write pages, chunks and vectors in one transaction. Progress goes to Redis and the user's channel per page;
 * the lease is renewed on a timer while the worker runs, and checked between steps.
 */
@ApplicationScoped
public class DocumentProcessor {

    static final String MISSING_FILE = "The uploaded file is missing from storage. Upload it again.";
    static final String GAVE_UP = "Processing this document failed repeatedly. Upload it again; if it keeps failing,"
            + " the file may be unusual in a way this service cannot handle yet.";

    private static final Logger LOG = Logger.getLogger(DocumentProcessor.class);
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final DocumentJobRepository jobs;
    private final BlobStore blobs;
    private final PassageEmbedder embedder;
    private final IndexWriter writer;
    private final ProgressReporter progress;
    private final DocumentsConfig config;
    private final Chunker chunker;
    private final Timer extractionTimer;
    private final Timer embeddingTimer;
    private final Timer totalTimer;
    private final Counter pagesExtracted;
    private final Counter chunksEmbedded;
    private final ScheduledExecutorService leaseTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ingest-lease-renewal").daemon(true).factory());

    DocumentProcessor(DocumentJobRepository jobs, BlobStore blobs, PassageEmbedder embedder, IndexWriter writer,
                      ProgressReporter progress, DocumentsConfig config, MeterRegistry metrics) {
        this.jobs = jobs;
        this.blobs = blobs;
        this.embedder = embedder;
        this.writer = writer;
        this.progress = progress;
        this.config = config;
        DocumentsConfig.Chunking chunking = config.chunking();
        this.chunker = new Chunker(new Chunker.Settings(chunking.maxTokens(), chunking.minTokens(),
                chunking.overlapTokens()));
        this.extractionTimer = Timer.builder("lectavera.documents.extraction")
                .description("PDF text extraction per document").register(metrics);
        this.embeddingTimer = Timer.builder("lectavera.documents.embedding")
                .description("Embedding model time per document (cache hits excluded)").register(metrics);
        this.totalTimer = Timer.builder("lectavera.documents.processing")
                .description("Claim to INDEXED per document").register(metrics);
        this.pagesExtracted = Counter.builder("lectavera.documents.pages.extracted").register(metrics);
        this.chunksEmbedded = Counter.builder("lectavera.documents.chunks.embedded")
                .description("Chunks embedded by the model (cache hits excluded)").register(metrics);
    }

    public void process(Claim claim) {
        if (claim.attempts() > config.processing().maxAttempts()) {
            LOG.warnf("Document %s: giving up after %d attempts", claim.documentId(), claim.attempts() - 1);
            endUnreadable(claim, DocumentStatus.FAILED, GAVE_UP, null);
            return;
        }
        try (LeaseKeeper lease = new LeaseKeeper(claim, jobs, config.processing().lease(), leaseTimer)) {
            process(claim, lease);
        }
    }

    private void process(Claim claim, LeaseKeeper lease) {
        long start = System.nanoTime();
        progress.report(claim.userId(), claim.documentId(), DocumentStatus.PROCESSING, 0, null, null);
        Integer pageCount = null;
        try {
            ExtractedDocument document = extract(claim, lease);
            long extractionNanos = System.nanoTime() - start;
            pageCount = document.pageCount();
            jobs.pageCount(claim, pageCount);
            extractionTimer.record(extractionNanos, TimeUnit.NANOSECONDS);
            pagesExtracted.increment(pageCount);

            List<Chunk> chunks = chunker.chunk(document.pages());
            if (chunks.isEmpty()) {
                throw new UnreadableDocumentException(DocumentStatus.FAILED, PdfTextExtractor.NO_TEXT);
            }
            List<String> texts = chunks.stream().map(Chunk::text).toList();
            List<String> hashes = texts.stream().map(Hashes::sha256Hex).toList();
            int pages = pageCount;
            Duration leaseLength = config.processing().lease();
            PassageEmbedder.Result embedded = embedder.embed(texts, hashes, done -> {
                lease.checkHeld();
                int pagesDone = done >= chunks.size() ? pages : chunks.get(done).page() - 1;
                if (!jobs.heartbeat(claim, leaseLength, pagesDone)) {
                    lease.lost();
                    lease.checkHeld();
                }
                progress.report(claim.userId(), claim.documentId(), DocumentStatus.PROCESSING, pagesDone, pages, null);
            });
            embeddingTimer.record(embedded.modelNanos(), TimeUnit.NANOSECONDS);
            chunksEmbedded.increment(embedded.embeddedByModel());

            lease.checkHeld();
            Completed completed = writer.complete(claim, document, chunks, hashes, embedded.vectors(),
                    embedder.modelId());
            long totalNanos = System.nanoTime() - start;
            totalTimer.record(totalNanos, TimeUnit.NANOSECONDS);
            progress.report(claim.userId(), claim.documentId(), DocumentStatus.INDEXED, pages, pages, null);
            LOG.infof("Indexed document %s (v%d): %d pages extracted in %d ms (%.0f pages/s), %d chunks (%d embedded"
                            + " by the model in %d ms, %.1f chunks/s), %d ms in all",
                    claim.documentId(), completed.version(), pages, extractionNanos / 1_000_000,
                    pages / seconds(extractionNanos), chunks.size(), embedded.embeddedByModel(),
                    embedded.modelNanos() / 1_000_000,
                    embedded.embeddedByModel() / seconds(Math.max(1, embedded.modelNanos())),
                    totalNanos / 1_000_000);
        } catch (UnreadableDocumentException e) {
            LOG.infof("Document %s not indexed (%s): %s%s", claim.documentId(), e.status(), e.reason(),
                    e.getCause() == null ? "" : " [" + e.getCause() + "]");
            endUnreadable(claim, e.status(), e.reason(), e.pageCount() != null ? e.pageCount() : pageCount);
        } catch (LeaseLostException e) {
            LOG.infof("Document %s: work dropped, %s", claim.documentId(), e.getMessage());
        } catch (Exception e) {
            if (interrupted(e)) {
                // shutting down: the dispatcher gives the document back to the queue
                LOG.infof("Document %s: processing interrupted by shutdown", claim.documentId());
                return;
            }
            retryOrGiveUp(claim, e);
        }
    }

    private static boolean interrupted(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.util.concurrent.RejectedExecutionException) {
                return true; // the embedding executor stopped: shutdown
            }
        }
        return false;
    }

    private ExtractedDocument extract(Claim claim, LeaseKeeper lease) throws Exception {
        long[] lastReport = {System.nanoTime()};
        try (BlobStore.LocalFile file = blobs.localFile(claim.blobKey())) {
            return PdfTextExtractor.extract(file.path(), page -> {
                lease.checkHeld();
                long now = System.nanoTime();
                if (now - lastReport[0] >= PROGRESS_INTERVAL_NANOS) {
                    lastReport[0] = now;
                    // pages count as done once embedded; extraction only shows that work is going on
                    progress.report(claim.userId(), claim.documentId(), DocumentStatus.PROCESSING, 0, null, null);
                }
            });
        } catch (NoSuchFileException e) {
            throw new UnreadableDocumentException(DocumentStatus.FAILED, MISSING_FILE);
        }
    }

    private void endUnreadable(Claim claim, DocumentStatus status, String reason, Integer pageCount) {
        try {
            if (writer.fail(claim, status, reason, pageCount)) {
                progress.report(claim.userId(), claim.documentId(), status, 0, pageCount, reason);
            }
        } catch (Exception e) {
            // the lease lapses and another attempt records the outcome
            LOG.errorf(e, "Document %s: could not record status %s", claim.documentId(), status);
        }
    }

    private void retryOrGiveUp(Claim claim, Exception failure) {
        if (claim.attempts() >= config.processing().maxAttempts()) {
            LOG.errorf(failure, "Document %s: attempt %d failed, giving up", claim.documentId(), claim.attempts());
            endUnreadable(claim, DocumentStatus.FAILED, GAVE_UP, null);
            return;
        }
        LOG.errorf(failure, "Document %s: attempt %d failed, retrying in %s", claim.documentId(), claim.attempts(),
                config.processing().retryDelay());
        try {
            if (jobs.requeue(claim, config.processing().retryDelay())) {
                progress.report(claim.userId(), claim.documentId(), DocumentStatus.QUEUED, 0, null, null);
            }
        } catch (Exception e) {
            LOG.errorf(e, "Document %s: could not requeue; its lease will lapse", claim.documentId());
        }
    }

    @PreDestroy
    void stopLeaseTimer() {
        leaseTimer.shutdownNow();
    }

    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }
}
