package dev.lectavera.document.ingest;

import dev.lectavera.document.config.DocumentsConfig;

import java.time.Duration;

/** The bounds of one extraction (see {@code lectavera.documents.limits} for each one's reason). */
public record ExtractionLimits(int maxPages, int maxPageChars, long maxDocumentChars, long maxDecodedStreamBytes,
                               long streamCacheMemoryBytes, long streamCacheTempFileBytes, Duration pageDeadline) {

    /** The configuration's defaults, for callers without configuration (unit tests, the benchmark's prediction). */
    public static final ExtractionLimits DEFAULTS = new ExtractionLimits(2000, 50_000, 10_000_000,
            64L * 1024 * 1024, 32L * 1024 * 1024, 256L * 1024 * 1024, Duration.ofSeconds(30));

    public static ExtractionLimits of(DocumentsConfig.Limits limits) {
        return new ExtractionLimits(limits.maxPages(), limits.maxPageChars(), limits.maxDocumentChars(),
                limits.maxDecodedStreamSize().asLongValue(), limits.streamCacheMemory().asLongValue(),
                limits.streamCacheTempFiles().asLongValue(), limits.pageDeadline());
    }

    public ExtractionLimits withMaxPages(int pages) {
        return new ExtractionLimits(pages, maxPageChars, maxDocumentChars, maxDecodedStreamBytes,
                streamCacheMemoryBytes, streamCacheTempFileBytes, pageDeadline);
    }

    public ExtractionLimits withMaxPageChars(int chars) {
        return new ExtractionLimits(maxPages, chars, maxDocumentChars, maxDecodedStreamBytes, streamCacheMemoryBytes,
                streamCacheTempFileBytes, pageDeadline);
    }

    public ExtractionLimits withMaxDocumentChars(long chars) {
        return new ExtractionLimits(maxPages, maxPageChars, chars, maxDecodedStreamBytes, streamCacheMemoryBytes,
                streamCacheTempFileBytes, pageDeadline);
    }

    public ExtractionLimits withMaxDecodedStreamBytes(long bytes) {
        return new ExtractionLimits(maxPages, maxPageChars, maxDocumentChars, bytes, streamCacheMemoryBytes,
                streamCacheTempFileBytes, pageDeadline);
    }

    public ExtractionLimits withPageDeadline(Duration deadline) {
        return new ExtractionLimits(maxPages, maxPageChars, maxDocumentChars, maxDecodedStreamBytes,
                streamCacheMemoryBytes, streamCacheTempFileBytes, deadline);
    }
}
