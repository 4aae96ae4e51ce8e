package dev.lectavera.auth.rest;

import dev.lectavera.auth.security.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public signing key(s) for the gateway and the services (smallrye-jwt reads this document). */
@Path("/.well-known/jwks.json")
@Tag(name = "auth")
public class JwksResource {

    private static final CacheControl FIVE_MINUTES;

    static {
        FIVE_MINUTES = new CacheControl();
        FIVE_MINUTES.setMaxAge(300);
    }

    private final SigningKeys keys;

    JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Web Key Set of the access-token signing key")
    public Response jwks() {
        return Response.ok(keys.jwks()).cacheControl(FIVE_MINUTES).build();
    }
}
