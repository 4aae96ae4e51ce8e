package dev.lectavera.study.ws;

import dev.lectavera.study.config.StudyConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.UserData;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.jboss.logging.Logger;

/**
 * One connection's incoming work. Frames are rate-limited where they arrive, on the connection's event loop (a token
 * bucket: {@code frames-per-second} sustained, {@code frame-burst} at once), so a flood is refused before anything
 * is queued or parsed; what is admitted — the open, then each frame — runs one at a time, in arrival order, on a
 * worker thread (it may block on PostgreSQL, Redis or document-service). Each runs in a span of its own whose parent
 * is the {@code traceparent} of the upgrade request (the gateway's span): an ask over the socket is followed by the
 * upgrade's trace id in the logs, in document-service and in the events it causes. (websockets-next's own open span
 * is not current in the endpoint's callbacks, so the context is taken from the handshake headers.)
 */
final class Inbox {

    static final UserData.TypedKey<Inbox> KEY = new UserData.TypedKey<>("lectavera.study.inbox");
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final double NANOS_PER_SECOND = 1_000_000_000d;
    private static final TextMapGetter<HandshakeRequest> HANDSHAKE_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HandshakeRequest handshake) {
            return handshake.headers().keySet();
        }

        @Override
        public String get(HandshakeRequest handshake, String name) {
            return handshake == null ? null : handshake.header(name);
        }
    };

    enum Admission {
        ACCEPTED,
        /** Over the rate: answered with an error, not handled. */
        REFUSED,
        /** Over the rate for too long: the connection is to be closed. */
        CLOSE
    }

    private final Context context;
    private final Tracer tracer;
    /** The trace of the upgrade request; the root context when it came without one. */
    private final io.opentelemetry.context.Context connectionTrace;
    private final double framesPerNano;
    private final int burst;
    private final int refusedBeforeClose;
    private volatile boolean closed;
    // touched on the connection's event loop only
    private double tokens;
    private long refilledAt;
    private int refusedInARow;
    private Future<Void> tail = Future.succeededFuture();

    Inbox(Context context, HandshakeRequest handshake, StudyConfig.Websocket config, long nowNanos) {
        this.context = context;
        OpenTelemetry telemetry = Arc.container().instance(OpenTelemetry.class).get();
        this.tracer = telemetry.getTracer(Inbox.class.getName());
        this.connectionTrace = telemetry.getPropagators().getTextMapPropagator()
                .extract(io.opentelemetry.context.Context.root(), handshake, HANDSHAKE_HEADERS);
        this.framesPerNano = config.framesPerSecond() / NANOS_PER_SECOND;
        this.burst = Math.max(1, config.frameBurst());
        this.refusedBeforeClose = Math.max(1, config.refusedFramesBeforeClose());
        this.tokens = burst;
        this.refilledAt = nowNanos;
    }

    /** Takes a frame's place in the bucket. Event loop only. */
    Admission admit(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - refilledAt) * framesPerNano);
        refilledAt = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return Admission.ACCEPTED;
        }
        return ++refusedInARow >= refusedBeforeClose ? Admission.CLOSE : Admission.REFUSED;
    }

    /** Runs {@code work} on a worker once everything enqueued before it has finished. Event loop only. */
    void enqueue(Runnable work) {
        tail = tail.transform(previous -> context.executeBlocking(() -> {
            ManagedContext request = Arc.container().requestContext();
            request.activate();
            Span span = tracer.spanBuilder("study socket work").setParent(connectionTrace).startSpan();
            try (Scope ignored = span.makeCurrent()) {
                work.run();
            } catch (RuntimeException e) {
                span.setStatus(StatusCode.ERROR).recordException(e);
                LOG.warnf(e, "WebSocket work failed");
            } finally {
                span.end();
                request.terminate();
            }
            return null;
        }, false));
    }

    /** The connection closed (its @OnClose began): work still queued must not register it again. */
    void markClosed() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }
}
