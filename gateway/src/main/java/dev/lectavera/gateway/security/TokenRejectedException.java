package dev.lectavera.gateway.security;

/** A token the gateway will not accept; the message is safe to show the client. No stack trace: it is an answer, not a bug. */
public final class TokenRejectedException extends RuntimeException {

    public TokenRejectedException(String message) {
        super(message, null, false, false);
    }
}
