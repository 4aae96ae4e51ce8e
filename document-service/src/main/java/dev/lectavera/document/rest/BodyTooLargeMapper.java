package dev.lectavera.document.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;

/**
 * I/O failures while a request is read, answered as what they are. A body sent without Content-Length that grows
 * past {@code quarkus.http.limits.max-body-size} is cut off by the HTTP layer with a 413 while it streams; the read
 * that was under way then fails with "Request too large": the client's fault, already answered. A multipart body
 * the form parser cannot read (no part, no closing delimiter) is the client's fault too: 400. Any other I/O
 * failure is ours: 500. Never {@code null} on a live response: a mapper returning null answers 204, which
 * looks like success.
 */
public class BodyTooLargeMapper {

    private static final Logger LOG = Logger.getLogger(BodyTooLargeMapper.class);
    private static final String FORM_PARSER_PACKAGE = "org.jboss.resteasy.reactive.server.core.multipart.";

    @ServerExceptionMapper(priority = 1)
    public Response tooLarge(IOException failure, HttpServerResponse response) {
        if ("Request too large".equals(failure.getMessage())) {
            if (response != null && (response.ended() || response.headWritten())) {
                return null; // the HTTP layer's 413 is already out: nothing more is written
            }
            return HttpProblem.builder().withStatus(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                    .withTitle("Request too large").withDetail("The request body is over the upload limit.").build()
                    .toResponse();
        }
        if (thrownByFormParser(failure)) {
            return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                    .withDetail("The multipart/form-data body cannot be read: " + failure.getMessage())
                    .with("field", "file").build().toResponse();
        }
        LOG.error("I/O failure while handling a request", failure);
        return HttpProblem.builder().withStatus(Response.Status.INTERNAL_SERVER_ERROR).withTitle("Internal Server Error")
                .build().toResponse();
    }

    static boolean thrownByFormParser(IOException failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith(FORM_PARSER_PACKAGE)) {
                return true;
            }
        }
        return false;
    }
}
