package dev.lectavera.outbox;

/** A database error of the outbox or the inbox; the caller's transaction rolls back. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
