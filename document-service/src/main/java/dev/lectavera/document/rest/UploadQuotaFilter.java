package dev.lectavera.document.rest;

import dev.lectavera.document.service.QuotaService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.UUID;

/**
 * The quota check before an upload's body is read (request filters run before the form is read and spooled, on
 * the worker thread of the blocking route, after authentication): a user with no document left, or whose declared
 * upload cannot fit, is answered at once. The check when the row is inserted is the one that counts.
 */
@ApplicationScoped
public class UploadQuotaFilter {

    /** The multipart envelope around the file (boundaries, part headers, the form's small fields). */
    static final long ENVELOPE_ALLOWANCE = 64 * 1024;

    private final QuotaService quota;
    private final JsonWebToken token;

    UploadQuotaFilter(QuotaService quota, JsonWebToken token) {
        this.quota = quota;
        this.token = token;
    }

    @QuotaChecked
    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        UUID userId = subject();
        if (userId == null) {
            return; // not authenticated: the route's security answers
        }
        long declared = declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        quota.checkBeforeUpload(userId, declared - ENVELOPE_ALLOWANCE);
    }

    private UUID subject() {
        try {
            return token.getSubject() == null ? null : UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
