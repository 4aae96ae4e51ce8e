package dev.lectavera.document.ingest;

import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.model.FailureCode;

/**
 * The file cannot be indexed, for a reason the student can act on. The message is shown as is: no stack traces,
 * no library jargon; the code is the same reason for programs.
 */
public class UnreadableDocumentException extends Exception {

    private final DocumentStatus status;
    private final FailureCode code;
    private final Integer pageCount;

    public UnreadableDocumentException(FailureCode code, String reason) {
        this(code, reason, (Integer) null);
    }

    /** @param pageCount pages of the file, when it could be opened */
    public UnreadableDocumentException(FailureCode code, String reason, Integer pageCount) {
        super(reason, null, false, false);
        this.status = code == FailureCode.IMAGES_ONLY ? DocumentStatus.NEEDS_OCR : DocumentStatus.FAILED;
        this.code = code;
        this.pageCount = pageCount;
    }

    public UnreadableDocumentException(FailureCode code, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.status = DocumentStatus.FAILED;
        this.code = code;
        this.pageCount = null;
    }

    public Integer pageCount() {
        return pageCount;
    }

    /** FAILED or NEEDS_OCR. */
    public DocumentStatus status() {
        return status;
    }

    public FailureCode code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }
}
