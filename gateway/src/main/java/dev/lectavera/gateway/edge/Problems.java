package dev.lectavera.gateway.edge;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import java.time.Duration;

/**
 * RFC 9457 problem+json answers written by the gateway itself (the services' own problems pass
 * through untouched): {@code title}, {@code status}, {@code detail}, {@code instance} (the path) and
 * the {@code requestId} to quote when reporting it.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    /** Bodies larger than this are not drained after a refusal: the connection is closed instead. */
    private static final long DRAIN_LIMIT = 64 * 1024;
    private static final Duration LINGER = Duration.ofSeconds(2);

    private Problems() {
    }

    /** The detail of a 413 for a body over a route's limit (refused by its declared length or while streaming). */
    public static String bodyOverLimit(long maxBodySize) {
        return "The request body may not exceed " + maxBodySize + " bytes on this path.";
    }

    public static Buffer body(int status, String title, String detail, String instance, String requestId) {
        JsonObject problem = new JsonObject()
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem.toBuffer();
    }

    /**
     * Answers the request with a problem. Headers already set on the response (request id, rate-limit
     * headers, CORS) stay. The unread request body is discarded, or the connection closed when the body is large.
     */
    public static void send(HttpServerRequest request, int status, String title, String detail) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        boolean closeAfter = !request.isEnded() && hasLargeBody(request);
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE);
        if (closeAfter) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        Buffer body = body(status, title, detail, request.path(), request.getHeader(RequestIds.HEADER));
        if (!request.isEnded()) {
            request.resume(); // no data handler: what is left of the body is dropped
        }
        response.end(body).onComplete(done -> {
            if (closeAfter) {
                lingeringClose(request);
            }
        });
    }

    /**
     * Closes once the client has stopped sending, or after {@link #LINGER} at the latest: a client still writing
     * its body when the socket closes would get a reset instead of the answer (what nginx's lingering close avoids).
     */
    public static void lingeringClose(HttpServerRequest request) {
        Context context = Vertx.currentContext();
        if (request.isEnded() || context == null) {
            request.connection().close();
            return;
        }
        long timer = context.owner().setTimer(LINGER.toMillis(), id -> request.connection().close());
        request.endHandler(end -> {
            context.owner().cancelTimer(timer);
            request.connection().close();
        });
    }

    private static boolean hasLargeBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        }
        try {
            return Long.parseLong(length.trim()) > DRAIN_LIMIT;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
