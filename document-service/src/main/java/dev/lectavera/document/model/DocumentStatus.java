package dev.lectavera.document.model;

/** Where a document is in its life. */
public enum DocumentStatus {
    /** Stored, waiting for a worker. */
    QUEUED,
    /** A worker is extracting, chunking and embedding it. */
    PROCESSING,
    /** Searchable. */
    INDEXED,
    /** Could not be indexed; failure_reason says why in words a student understands. */
    FAILED,
    /** Only images (a scan): text recognition would be needed, which this service does not do yet. */
    NEEDS_OCR;

    public boolean isFinal() {
        return this == INDEXED || this == FAILED || this == NEEDS_OCR;
    }
}
