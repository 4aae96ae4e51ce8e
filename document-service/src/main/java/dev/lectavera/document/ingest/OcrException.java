package dev.lectavera.document.ingest;

/**
 * The OCR tool failed (it crashed, exited with an error, or could not be started), or the wait for it was
 * interrupted: a fault of the environment, not of the file, so the document is retried like after any other error.
 */
public class OcrException extends RuntimeException {

    public OcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
