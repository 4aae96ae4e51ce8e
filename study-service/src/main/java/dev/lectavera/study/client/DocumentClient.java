package dev.lectavera.study.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * document-service, called with the user's own bearer token (so it answers only with that user's documents).
 * Use it through {@link DocumentApi}, which adds timeouts, retries and a circuit breaker.
 */
@RegisterRestClient(configKey = "documents")
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
public interface DocumentClient {

    @GET
    @Path("{id}")
    DocumentInfo get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID id);

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    SearchResults search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SearchQuery query);
}
