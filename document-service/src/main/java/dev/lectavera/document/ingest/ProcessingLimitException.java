package dev.lectavera.document.ingest;

import dev.lectavera.document.model.FailureCode;

/**
 * A limit of {@code lectavera.documents.limits} was passed. Unchecked so that it can leave PDFBox's callbacks (which
 * swallow some IOExceptions); the worker turns it into a FAILED document with its code and reason.
 */
public class ProcessingLimitException extends RuntimeException {

    private final FailureCode code;

    public ProcessingLimitException(FailureCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    public FailureCode code() {
        return code;
    }

    public UnreadableDocumentException toUnreadable(Integer pageCount) {
        return new UnreadableDocumentException(code, getMessage(), pageCount);
    }
}
