package dev.lectavera.quiz.client;

/** document-service answered 404: no such document (or page) for this user. Not retried. */
public class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(String message) {
        super(message);
    }
}
