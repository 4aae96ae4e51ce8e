package dev.lectavera.quiz.client;

/** document-service did not answer in time, failed, or its circuit is open: answered as 503. */
public class DocumentServiceUnavailableException extends RuntimeException {

    public DocumentServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
