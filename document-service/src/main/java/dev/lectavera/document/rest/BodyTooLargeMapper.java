package dev.lectavera.document.rest;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;

/**
 * A body sent without Content-Length that grows past {@code quarkus.http.limits.max-body-size} is cut off by the
 * HTTP layer with a 413 while it streams; the read that was under way then fails with "Request too large". That
 * is the client's fault, already answered: not a server error.
 */
public class BodyTooLargeMapper {

    @ServerExceptionMapper(priority = 1)
    public Response tooLarge(IOException failure, HttpServerResponse response) {
        if (!"Request too large".equals(failure.getMessage())) {
            return null; // any other I/O failure: the default problem mapping
        }
        if (response.ended() || response.headWritten()) {
            return null;
        }
        return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
    }
}
