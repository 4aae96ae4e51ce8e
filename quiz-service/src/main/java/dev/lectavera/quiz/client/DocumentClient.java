package dev.lectavera.quiz.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * document-service's API ({@code quarkus.rest-client.documents.url}), called with the caller's own bearer token so
 * that it only ever sees the caller's documents. Use it through {@link DocumentsGateway} (timeouts, retries,
 * circuit breaker).
 */
@RegisterRestClient(configKey = "documents")
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
public interface DocumentClient {

    @GET
    @Path("{id}")
    DocumentInfo get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @GET
    @Path("{id}/pages/{page}")
    PageText page(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id,
                  @PathParam("page") int page);

    /** 404 and other 4xx are final answers; 5xx are failures worth a retry. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 404) {
            return new DocumentNotFoundException("document-service answered 404");
        }
        if (status >= 400 && status < 500) {
            return new DocumentRequestRejectedException(status, "document-service refused the request: " + status);
        }
        return new WebApplicationException("document-service failed: " + status, status);
    }
}
