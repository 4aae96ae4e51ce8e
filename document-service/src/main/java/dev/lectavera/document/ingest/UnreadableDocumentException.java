package dev.lectavera.document.ingest;

import dev.lectavera.document.model.DocumentStatus;

/**
 * The file cannot be indexed, for a reason the student can act on. The message is shown as is: no stack traces,
 * no library jargon.
 */
public class UnreadableDocumentException extends Exception {

    private final DocumentStatus status;
    private final Integer pageCount;

    public UnreadableDocumentException(DocumentStatus status, String reason) {
        this(status, reason, null);
    }

    /** @param pageCount pages of the file, when it could be opened */
    public UnreadableDocumentException(DocumentStatus status, String reason, Integer pageCount) {
        super(reason, null, false, false);
        this.status = status;
        this.pageCount = pageCount;
    }

    public UnreadableDocumentException(String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.status = DocumentStatus.FAILED;
        this.pageCount = null;
    }

    public Integer pageCount() {
        return pageCount;
    }

    /** FAILED or NEEDS_OCR. */
    public DocumentStatus status() {
        return status;
    }

    public String reason() {
        return getMessage();
    }
}
