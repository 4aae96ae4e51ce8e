package dev.lectavera.gateway.trace;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/** The trace one request belongs to at the edge, as the upstream is told of it ({@link TracePropagation#begin}). */
public interface RequestTrace {

    /** As Netty keeps header names, hashed once: read, removed and set on every request. */
    CharSequence TRACEPARENT = HttpHeaders.createOptimized("traceparent");
    CharSequence TRACESTATE = HttpHeaders.createOptimized("tracestate");
    CharSequence BAGGAGE = HttpHeaders.createOptimized("baggage");

    /** Replaces whatever trace headers the request to forward carries with this trace's: none is passed on as sent. */
    default void replaceHeaders(MultiMap headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        headers.remove(BAGGAGE);
        writeHeaders(headers);
    }

    /** Adds this trace's W3C headers. */
    void writeHeaders(MultiMap headers);
}
