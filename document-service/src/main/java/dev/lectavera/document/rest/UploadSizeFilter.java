package dev.lectavera.document.rest;

import dev.lectavera.document.config.DocumentsConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Refuses an upload whose declared Content-Length is clearly over the limit before a byte of its body is read,
 * answering 413 problem+json (the HTTP layer's own cut-off, {@code quarkus.http.limits.max-body-size}, catches
 * bodies sent without a length while they stream). A body just over the limit is measured once spooled: the
 * multipart envelope adds a little to the file's size.
 */
@ApplicationScoped
public class UploadSizeFilter {

    /** Room for multipart boundaries and the other form fields. */
    private static final long ENVELOPE_SLACK = 1024 * 1024;
    private static final String UPLOAD_PATH = "/api/v1/documents";

    private final long limit;

    UploadSizeFilter(DocumentsConfig config) {
        this.limit = config.maxUploadSize().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 100);
    }

    void check(RoutingContext context) {
        var request = context.request();
        if (request.method() != HttpMethod.POST || !isUploadPath(request.path())) {
            context.next();
            return;
        }
        long length = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length <= limit + ENVELOPE_SLACK) {
            context.next();
            return;
        }
        String body = String.format(Locale.ROOT, "{\"type\":\"about:blank\",\"title\":\"File too large\","
                + "\"status\":413,\"detail\":\"The upload is %.1f MB; the limit is %.1f MB.\",\"maxBytes\":%d}",
                length / 1048576.0, limit / 1048576.0, limit);
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isUploadPath(String path) {
        return path != null && (path.equals(UPLOAD_PATH) || path.equals(UPLOAD_PATH + "/"));
    }
}
