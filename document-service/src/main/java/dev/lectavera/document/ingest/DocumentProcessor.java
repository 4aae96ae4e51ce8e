package dev.lectavera.document.ingest;

import dev.lectavera.document.blob.BlobStore;
import dev.lectavera.document.config.DocumentsConfig;
import dev.lectavera.document.ingest.Chunker.Chunk;
import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.model.FailureCode;
import dev.lectavera.document.ocr.OcrResult;
import dev.lectavera.document.ocr.PageRecognizer;
import dev.lectavera.document.repository.DocumentJobRepository;
import dev.lectavera.document.repository.DocumentJobRepository.Claim;
import dev.lectavera.document.repository.DocumentJobRepository.Completed;
import dev.lectavera.document.service.Hashes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jboss.logging.Logger;

import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Processes one claimed document: extract page texts (PDFBox, within {@code lectavera.documents.limits}), chunk
 * them, embed the chunks in batches, then write pages, chunks and vectors in one transaction. Progress goes to
 * Redis and the user's channel per page; the lease is renewed on a timer while the worker runs (until its
 * deadline), and checked between steps. Every way a document can go wrong ends here as FAILED with a code, never
 * as an exception leaving the worker.
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
    private final ExtractionLimits limits;
    private final FailedFiles failedFiles;
    private final PageRecognizer recognizer;
    private final Chunker chunker;
    private final Timer extractionTimer;
    private final Timer embeddingTimer;
    private final Timer totalTimer;
    private final Counter pagesExtracted;
    private final Counter pagesRecognised;
    private final Counter chunksEmbedded;
    private final ScheduledExecutorService leaseTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ingest-lease-renewal").daemon(true).factory());

    DocumentProcessor(DocumentJobRepository jobs, BlobStore blobs, PassageEmbedder embedder, IndexWriter writer,
                      ProgressReporter progress, DocumentsConfig config, FailedFiles failedFiles,
                      PageRecognizer recognizer, MeterRegistry metrics) {
        this.jobs = jobs;
        this.blobs = blobs;
        this.embedder = embedder;
        this.writer = writer;
        this.progress = progress;
        this.config = config;
        this.limits = ExtractionLimits.of(config.limits());
        this.failedFiles = failedFiles;
        this.recognizer = recognizer;
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
        this.pagesRecognised = Counter.builder("lectavera.documents.pages.ocr")
                .description("Pages whose text was read by OCR").register(metrics);
        this.chunksEmbedded = Counter.builder("lectavera.documents.chunks.embedded")
                .description("Chunks embedded by the model (cache hits excluded)").register(metrics);
    }

    /**
     * @param deadline the document's wall-clock budget, started at the claim; checked between pages, chunks and
     *                 embedding batches (and inside extraction), never only by an interrupt
     */
    public void process(Claim claim, Deadline deadline) {
        if (claim.attempts() > config.processing().maxAttempts()) {
            LOG.warnf("Document %s: giving up after %d attempts", claim.documentId(), claim.attempts() - 1);
            endUnreadable(claim, FailureCode.FAILED_REPEATEDLY, GAVE_UP, null);
            return;
        }
        try (LeaseKeeper lease = new LeaseKeeper(claim, jobs, config.processing().lease(), deadline, leaseTimer)) {
            process(claim, deadline, lease);
        }
    }

    private void process(Claim claim, Deadline deadline, LeaseKeeper lease) {
        long start = System.nanoTime();
        progress.report(claim.userId(), claim.documentId(), DocumentStatus.PROCESSING, 0, null);
        Integer pageCount = null;
        try {
            ExtractedDocument document = extract(claim, deadline, lease);
            long extractionNanos = System.nanoTime() - start;
            pageCount = document.pageCount();
            jobs.pageCount(claim, pageCount);
            extractionTimer.record(extractionNanos, TimeUnit.NANOSECONDS);
            pagesExtracted.increment(pageCount);
            pagesRecognised.increment(document.ocrPages());

            deadline.check();
            List<Chunk> chunks = chunker.chunk(document.pages());
            if (chunks.isEmpty()) {
                throw new UnreadableDocumentException(FailureCode.NO_TEXT, PdfTextExtractor.NO_TEXT);
            }
            deadline.check();
            List<String> texts = chunks.stream().map(Chunk::text).toList();
            List<String> hashes = texts.stream().map(Hashes::sha256Hex).toList();
            int pages = pageCount;
            Duration leaseLength = config.processing().lease();
            PassageEmbedder.Result embedded = embedder.embed(texts, hashes, done -> {
                lease.checkHeld();
                deadline.check();
                int pagesDone = done >= chunks.size() ? pages : chunks.get(done).page() - 1;
                if (!jobs.heartbeat(claim, leaseLength, pagesDone)) {
                    lease.lost();
                    lease.checkHeld();
                }
                progress.report(claim.userId(), claim.documentId(), DocumentStatus.PROCESSING, pagesDone, pages);
            });
            embeddingTimer.record(embedded.modelNanos(), TimeUnit.NANOSECONDS);
            chunksEmbedded.increment(embedded.embeddedByModel());

            lease.checkHeld();
            deadline.check();
            Completed completed = writer.complete(claim, document, chunks, hashes, embedded.vectors(),
                    embedder.modelId());
            long totalNanos = System.nanoTime() - start;
            totalTimer.record(totalNanos, TimeUnit.NANOSECONDS);
            progress.report(claim.userId(), claim.documentId(), DocumentStatus.INDEXED, pages, pages);
            LOG.infof("Indexed document %s (v%d): %d pages (%d by OCR) extracted in %d ms (%.1f pages/s), %d chunks"
                            + " (%d embedded by the model in %d ms, %.1f chunks/s), %d ms in all",
                    claim.documentId(), completed.version(), pages, document.ocrPages(), extractionNanos / 1_000_000,
                    pages / seconds(extractionNanos), chunks.size(), embedded.embeddedByModel(),
                    embedded.modelNanos() / 1_000_000,
                    embedded.embeddedByModel() / seconds(Math.max(1, embedded.modelNanos())),
                    totalNanos / 1_000_000);
        } catch (UnreadableDocumentException e) {
            notIndexed(claim, e, pageCount, start);
        } catch (ProcessingLimitException e) {
            notIndexed(claim, e.toUnreadable(pageCount), pageCount, start);
        } catch (LeaseLostException e) {
            LOG.infof("Document %s: work dropped, %s", claim.documentId(), e.getMessage());
        } catch (Exception | LinkageError e) {
            // a LinkageError is the environment (a native library that did not load), not the file: retried
            if (deadline.passed()) {
                // the lease keeper interrupts a worker stuck past its deadline (in I/O, say)
                Thread.interrupted();
                notIndexed(claim, new ProcessingLimitException(FailureCode.TOOK_TOO_LONG,
                        Deadline.tookTooLong(config.limits().deadline())).toUnreadable(pageCount), pageCount, start);
                return;
            }
            if (interrupted(e)) {
                // shutting down: the dispatcher gives the document back to the queue
                LOG.infof("Document %s: processing interrupted by shutdown", claim.documentId());
                return;
            }
            retryOrGiveUp(claim, e);
        }
    }

    private void notIndexed(Claim claim, UnreadableDocumentException e, Integer pageCount, long start) {
        LOG.infof("Document %s not indexed after %d ms (%s, %s): %s%s", claim.documentId(),
                (System.nanoTime() - start) / 1_000_000, e.status(), e.code().code(), e.reason(),
                e.getCause() == null ? "" : " [" + e.getCause() + "]");
        endUnreadable(claim, e.code(), e.reason(), e.pageCount() != null ? e.pageCount() : pageCount);
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

    private ExtractedDocument extract(Claim claim, Deadline deadline, LeaseKeeper lease) throws Exception {
        long[] lastReport = {System.nanoTime()};
        try (BlobStore.LocalFile file = blobs.localFile(claim.blobKey())) {
            return PdfTextExtractor.extract(file.path(), limits, deadline, page -> {
                lease.checkHeld();
                long now = System.nanoTime();
                if (now - lastReport[0] >= PROGRESS_INTERVAL_NANOS) {
                    lastReport[0] = now;
                    // pages count as done once embedded; extraction only shows that work is going on
                    progress.report(claim.userId(), claim.documentId(), DocumentStatus.PROCESSING, 0, null);
                }
            }, ocr(claim, deadline, lease));
        } catch (NoSuchFileException e) {
            throw new UnreadableDocumentException(FailureCode.FILE_MISSING, MISSING_FILE);
        }
    }

    /**
     * OCR of this document's unusable pages through the shared recogniser (bounded workers), within its page and
     * document deadlines; every page read is reported as progress, like a page extracted.
     */
    private PageOcr ocr(Claim claim, Deadline deadline, LeaseKeeper lease) {
        return new PageOcr() {
            @Override
            public String unavailableReason() {
                return recognizer.unavailableReason();
            }

            @Override
            public double minCharsPerSquareInch() {
                return config.ocr().minCharsPerSquareInch();
            }

            @Override
            public Page read(PDDocument pdf, int pageIndex) {
                lease.checkHeld();
                OcrResult result = recognizer.recognise(pdf, pageIndex, limits.pageDeadline(), deadline);
                lease.checkHeld();
                progress.report(claim.userId(), claim.documentId(), DocumentStatus.PROCESSING, 0,
                        pdf.getNumberOfPages());
                return new Page(result.text(), result.meanConfidence());
            }
        };
    }

    /** FAILED (or NEEDS_OCR) with its reason; a FAILED document's file is deleted (the row keeps the reason). */
    private void endUnreadable(Claim claim, FailureCode code, String reason, Integer pageCount) {
        DocumentStatus status = code == FailureCode.IMAGES_ONLY ? DocumentStatus.NEEDS_OCR : DocumentStatus.FAILED;
        try {
            if (writer.fail(claim, status, code, reason, pageCount)) {
                progress.report(claim.userId(), claim.documentId(), status, 0, pageCount, code, reason);
                if (status == DocumentStatus.FAILED) {
                    failedFiles.delete(claim.blobKey());
                }
            }
        } catch (Exception e) {
            // the lease lapses and the document ends crashed_processing
            LOG.errorf(e, "Document %s: could not record status %s", claim.documentId(), status);
        }
    }

    private void retryOrGiveUp(Claim claim, Throwable failure) {
        if (claim.attempts() >= config.processing().maxAttempts()) {
            LOG.errorf(failure, "Document %s: attempt %d failed, giving up", claim.documentId(), claim.attempts());
            endUnreadable(claim, FailureCode.FAILED_REPEATEDLY, GAVE_UP, null);
            return;
        }
        LOG.errorf(failure, "Document %s: attempt %d failed, retrying in %s", claim.documentId(), claim.attempts(),
                config.processing().retryDelay());
        try {
            if (jobs.requeue(claim, config.processing().retryDelay())) {
                progress.report(claim.userId(), claim.documentId(), DocumentStatus.QUEUED, 0, null);
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
