package dev.lectavera.document.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Uploads, background processing and chunking of documents. */
@ConfigMapping(prefix = "lectavera.documents")
public interface DocumentsConfig {

    /**
     * Largest accepted PDF. Keep {@code quarkus.http.limits.max-body-size} slightly above it (multipart overhead):
     * the HTTP layer cuts off larger bodies while they stream, this check answers 413 problem+json.
     */
    @WithDefault("50M")
    MemorySize maxUploadSize();

    /** How long a document's processing status lives in Redis (Postgres keeps it for good). */
    @WithDefault("5m")
    Duration statusTtl();

    Processing processing();

    Chunking chunking();

    Limits limits();

    Quota quota();

    Ocr ocr();

    interface Processing {
        /** Documents processed at the same time by this instance (each embeds in batches on all cores). */
        @WithDefault("2")
        int workers();

        /** How often the job table is polled for queued or abandoned documents (an upload also wakes it). */
        @WithDefault("2s")
        Duration pollInterval();

        /**
         * A worker renews its claim on a document at every batch; a claim older than this is taken to be from a
         * dead instance and the document is resumed.
         */
        @WithDefault("60s")
        Duration lease();

        /** Claims of one document (crashes and errors included) before it is marked FAILED. */
        @WithDefault("3")
        int maxAttempts();

        /** Wait before a document whose processing hit an unexpected error is tried again. */
        @WithDefault("30s")
        Duration retryDelay();
    }

    interface Chunking {
        /** Upper bound of a chunk in estimated tokens (see Chunker: words plus punctuation marks). */
        @WithDefault("320")
        int maxTokens();

        /** A heading or a paragraph that does not fit starts a new chunk only once the current one has this many. */
        @WithDefault("64")
        int minTokens();

        /** Trailing sentences of a chunk repeated at the start of the next one when a section is cut by the budget. */
        @WithDefault("48")
        int overlapTokens();
    }

    /**
     * What one document may cost. Exceeding a limit ends the document FAILED with a reason code; the defaults are
     * far above real course material (a 1,000-page textbook indexes) and far below what hurts the service.
     */
    interface Limits {
        /** Pages per document (a long textbook has 1,000–1,500). */
        @WithDefault("2000")
        int maxPages();

        /**
         * Characters of text on one page, counted while the page is read so a page never grows past it in
         * memory. A dense textbook page has 3,000–6,000; tiny-print tables reach ~15,000.
         */
        @WithDefault("50000")
        int maxPageChars();

        /** Characters of text in the whole document (a 1,000-page textbook: ~4 million). */
        @WithDefault("10000000")
        long maxDocumentChars();

        /**
         * Decoded size of one non-image stream (page content, form, font): measured, streaming, before PDFBox
         * decodes it into memory, so a compression bomb is refused before it is inflated.
         */
        @WithDefault("64M")
        MemorySize maxDecodedStreamSize();

        /** PDFBox's stream cache: main memory before it spills to temporary files. */
        @WithDefault("32M")
        MemorySize streamCacheMemory();

        /** PDFBox's stream cache: the most it may write to temporary files. */
        @WithDefault("256M")
        MemorySize streamCacheTempFiles();

        /**
         * Wall-clock time from claim to index (extraction, chunking, embedding). A 1,000-page textbook takes about
         * two minutes on two cores, ten under heavy load.
         */
        @WithDefault("20m")
        Duration deadline();

        /** Wall-clock time to read one page (a normal one takes milliseconds). */
        @WithDefault("30s")
        Duration pageDeadline();
    }

    /** What one user may store. */
    interface Quota {
        /** Bytes of original files (documents that ended FAILED have no file and do not count). */
        @WithDefault("1G")
        MemorySize maxBytes();

        /** Documents, whatever their status. */
        @WithDefault("500")
        int maxDocuments();
    }

    /**
     * Text recognition of scanned pages (Tesseract's command line, one bounded process per page). A page is read by
     * OCR only when its text layer is missing or unusable; pages with good text are never OCR'd.
     */
    interface Ocr {
        /** Off: pages without usable text stay as they are (an all-scanned document ends NEEDS_OCR). */
        @WithDefault("true")
        boolean enabled();

        /** The tesseract executable (a name on the PATH or a path). Missing at start: OCR is off, with a reason. */
        @WithDefault("tesseract")
        String command();

        /** Tesseract languages joined by '+' (e.g. {@code eng+deu}); each needs its installed traineddata. */
        @WithDefault("eng")
        String languages();

        /** Rendering resolution of a page for recognition (Tesseract reads best at 300). */
        @WithDefault("300")
        int dpi();

        /** Largest rendered page in pixels: a huge page is rendered at a lower resolution, never bigger. */
        @WithDefault("25000000")
        long maxPagePixels();

        /**
         * Largest picture a page may show to be rendered (width x height, declared or in a JPEG's header; a 600 dpi
         * A4 scan has 35 M): a bigger one fails the document, since rendering decodes it whole into memory.
         */
        @WithDefault("40000000")
        long maxImagePixels();

        /** Pages recognised at the same time by this instance (each is one Tesseract process on one core). */
        @WithDefault("1")
        int workers();

        /**
         * A text layer with fewer characters than this per square inch of page is "too thin" when pictures cover
         * at least half the page (a scan with a stamp or a page number as its only text). A4 is 97 square inches.
         */
        @WithDefault("2")
        double minCharsPerSquareInch();

        /** Mean word confidence (0-100) under which an OCR'd page is marked {@code lowConfidence}. */
        @WithDefault("70")
        double lowConfidence();
    }
}
