package dev.lectavera.analytics.rest;

import dev.lectavera.analytics.service.InvalidParameterException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/** 400 problem+json shaped like a Bean Validation failure: {@code violations[{field, in, message}]}. */
@Provider
public class InvalidParameterExceptionMapper implements ExceptionMapper<InvalidParameterException> {

    @Override
    public Response toResponse(InvalidParameterException e) {
        return HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(e.parameter() + ": " + e.getMessage())
                .with("violations", List.of(Map.of("field", e.parameter(), "in", "query", "message", e.getMessage())))
                .build()
                .toResponse();
    }
}
