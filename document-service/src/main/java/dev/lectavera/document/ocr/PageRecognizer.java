package dev.lectavera.document.ocr;

import dev.lectavera.document.config.DocumentsConfig;
import dev.lectavera.document.ingest.Deadline;
import dev.lectavera.document.ingest.Durations;
import dev.lectavera.document.ingest.OcrException;
import dev.lectavera.document.ingest.ProcessingLimitException;
import dev.lectavera.document.model.FailureCode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Recognises pages with Tesseract, at most {@code lectavera.documents.ocr.workers} at a time in this instance (a
 * scan waits for a slot; text documents never do). Whether Tesseract and the configured languages are installed is
 * found out once at start; without them pages are not OCR'd and an all-scanned document keeps the honest NEEDS_OCR.
 */
@Startup
@ApplicationScoped
public class PageRecognizer {

    private static final Logger LOG = Logger.getLogger(PageRecognizer.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    private final DocumentsConfig.Ocr config;
    private final TesseractCli tesseract;
    private final Semaphore slots;
    private final String unavailableReason;

    PageRecognizer(DocumentsConfig documents) {
        this.config = documents.ocr();
        this.tesseract = new TesseractCli(config.command(), config.languages());
        this.slots = new Semaphore(Math.max(1, config.workers()), true);
        this.unavailableReason = probe();
    }

    private String probe() {
        if (!config.enabled()) {
            LOG.info("OCR is switched off (lectavera.documents.ocr.enabled=false)");
            return "text recognition (OCR) is switched off on this server";
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("lectavera-ocr-probe");
            TesseractCli.Probe probe = tesseract.probe(directory, PROBE_TIMEOUT);
            if (probe.available()) {
                LOG.infof("OCR: %s, languages %s, %d dpi, %d worker(s)", probe.version(), config.languages(),
                        config.dpi(), config.workers());
                return null;
            }
            LOG.warnf("OCR unavailable: %s; scanned pages will not be read", probe.problem());
            return probe.problem();
        } catch (IOException e) {
            LOG.warnf("OCR unavailable: no temporary directory (%s)", e.getMessage());
            return "text recognition (OCR) could not be set up on this server";
        } finally {
            deleteTree(directory);
        }
    }

    public boolean available() {
        return unavailableReason == null;
    }

    /** Why pages cannot be OCR'd here (for a student), or null when they can. */
    public String unavailableReason() {
        return unavailableReason;
    }

    public double lowConfidenceThreshold() {
        return config.lowConfidence();
    }

    /**
     * Renders page {@code pageIndex} (0-based) and recognises it. Waiting for a slot counts against the document's
     * deadline only; rendering and recognition against the page's too ({@code pageBudget}).
     *
     * @throws ProcessingLimitException took_too_long past a deadline, content_too_large for an oversized page
     * @throws OcrException             Tesseract failed or the wait was interrupted
     */
    public OcrResult recognise(PDDocument pdf, int pageIndex, Duration pageBudget, Deadline deadline) {
        if (!available()) {
            throw new IllegalStateException("OCR is unavailable: " + unavailableReason);
        }
        acquire(deadline);
        Path directory = null;
        try {
            long start = System.nanoTime();
            directory = Files.createTempDirectory("lectavera-ocr");
            PageImages.Rendered rendered;
            try {
                rendered = PageImages.render(pdf, pageIndex, config.dpi(), config.maxPagePixels(),
                        config.maxImagePixels());
            } catch (IOException e) {
                // a damaged picture is the file's, and one page's: the page stays empty (and low-confidence)
                LOG.warnf("Page %d could not be rendered for OCR: %s", pageIndex + 1, e.getMessage());
                return new OcrResult("", null, 0);
            }
            Path image = directory.resolve("page.pgm");
            PageImages.writePgm(rendered.image(), image);
            deadline.check();
            Duration pageLeft = pageBudget.minusNanos(System.nanoTime() - start);
            Duration timeout = pageLeft.compareTo(deadline.remaining()) < 0 ? pageLeft : deadline.remaining();
            if (timeout.isNegative() || timeout.isZero()) {
                throw pageTooSlow(pageIndex, pageBudget);
            }
            try {
                return tesseract.recognise(image, rendered.dpi(), directory, timeout);
            } catch (TesseractCli.TimedOut e) {
                deadline.check();
                throw pageTooSlow(pageIndex, pageBudget);
            }
        } catch (IOException e) {
            throw new OcrException("No room for page " + (pageIndex + 1) + "'s image: " + e.getMessage(), e);
        } finally {
            slots.release();
            deleteTree(directory);
        }
    }

    private void acquire(Deadline deadline) {
        try {
            if (!slots.tryAcquire(Math.max(0, deadline.remaining().toNanos()), TimeUnit.NANOSECONDS)) {
                deadline.check();
                throw new ProcessingLimitException(FailureCode.TOOK_TOO_LONG, "Waited too long for text recognition.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrException("interrupted while waiting for an OCR slot", e);
        }
    }

    private static ProcessingLimitException pageTooSlow(int pageIndex, Duration pageBudget) {
        return new ProcessingLimitException(FailureCode.TOOK_TOO_LONG, "Page " + (pageIndex + 1) + " took longer"
                + " than " + Durations.words(pageBudget) + " to recognise as a scanned page, so reading the document"
                + " was stopped. Scan it again at a normal resolution, or remove that page, and upload it again.");
    }

    private static void deleteTree(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("Could not delete %s: %s", directory, e.getMessage());
        }
    }
}
