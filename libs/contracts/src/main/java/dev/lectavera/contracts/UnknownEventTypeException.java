package dev.lectavera.contracts;

/** An event whose type this build does not know, e.g. a newer version; consumers skip it. */
public class UnknownEventTypeException extends RuntimeException {
    public UnknownEventTypeException(String type) {
        super("Unknown event type: " + type);
    }
}
