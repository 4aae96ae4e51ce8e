package dev.lectavera.study.ws;

import dev.lectavera.study.config.StudyConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.websockets.next.UserData;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.jboss.logging.Logger;

/**
 * One connection's incoming work. Frames are rate-limited where they arrive, on the connection's event loop (a token
 * bucket: {@code frames-per-second} sustained, {@code frame-burst} at once), so a flood is refused before anything
 * is queued or parsed; what is admitted — the open, then each frame — runs one at a time, in arrival order, on a
 * worker thread (it may block on PostgreSQL, Redis or document-service).
 */
final class Inbox {

    static final UserData.TypedKey<Inbox> KEY = new UserData.TypedKey<>("lectavera.study.inbox");
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    enum Admission {
        ACCEPTED,
        /** Over the rate: answered with an error, not handled. */
        REFUSED,
        /** Over the rate for too long: the connection is to be closed. */
        CLOSE
    }

    private final Context context;
    private final double framesPerNano;
    private final int burst;
    private final int refusedBeforeClose;
    private volatile boolean closed;
    // touched on the connection's event loop only
    private double tokens;
    private long refilledAt;
    private int refusedInARow;
    private Future<Void> tail = Future.succeededFuture();

    Inbox(Context context, StudyConfig.Websocket config, long nowNanos) {
        this.context = context;
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
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "WebSocket work failed");
            } finally {
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
