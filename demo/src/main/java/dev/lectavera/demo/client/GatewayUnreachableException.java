package dev.lectavera.demo.client;

import java.net.URI;

/** Nothing answered at the gateway's address (connection refused, timed out): the system is not running. */
public class GatewayUnreachableException extends RuntimeException {

    private final URI gateway;

    public GatewayUnreachableException(URI gateway, Throwable cause) {
        super("LectaVera's gateway does not answer at " + gateway + " (" + describe(cause) + ")", cause);
        this.gateway = gateway;
    }

    public URI gateway() {
        return gateway;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
