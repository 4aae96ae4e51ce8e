package dev.lectavera.document.model;

import java.util.Locale;

/**
 * Why a document was not indexed, as a stable code a client can branch on (shown as {@code failureCode}, next to
 * the sentence in {@code failureReason}).
 */
public enum FailureCode {
    /** More pages than {@code lectavera.documents.limits.max-pages}. */
    TOO_MANY_PAGES,
    /** One page carries more text than {@code limits.max-page-chars}. */
    PAGE_TEXT_TOO_LARGE,
    /** The whole document carries more text than {@code limits.max-document-chars}. */
    TEXT_TOO_LARGE,
    /** A compressed part of the file expands past {@code limits.max-decoded-stream-size}. */
    CONTENT_TOO_LARGE,
    /** Processing passed its deadline ({@code limits.deadline} or {@code limits.page-deadline}). */
    TOOK_TOO_LONG,
    /** The process stopped (crash, kill, hang) while this document was being processed. */
    CRASHED_PROCESSING,
    /** Unexpected errors on every attempt. */
    FAILED_REPEATEDLY,
    PASSWORD_PROTECTED,
    TRUNCATED,
    /** Not parseable as a PDF. */
    UNREADABLE,
    NO_PAGES,
    NO_TEXT,
    /** Images only (a scan): NEEDS_OCR. */
    IMAGES_ONLY,
    FILE_MISSING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
