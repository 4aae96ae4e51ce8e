package dev.lectavera.document.ingest;

/**
 * The worker no longer owns the document: it was deleted (by its user or a UserDeleted purge) or, after a lapsed
 * lease, claimed by another worker. The work is dropped; nothing is written.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String message) {
        super(message, null, false, false);
    }
}
