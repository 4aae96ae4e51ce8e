package dev.lectavera.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body streamed without a Content-Length, cut off at the route's limit by the gateway itself: no byte over
 * the limit reaches the upstream, so the refusal never depends on who closes a connection first.
 * <p>
 * Why not leave it to the service's own cap: the service then answers 413 and closes while the gateway is still
 * writing, and whether the gateway reads that 413 or fails on the broken write first is a race (a 503 now and then).
 * <p>
 * When a chunk would go over, the stream stops passing data on and fails with {@link TooLarge}; the proxy then resets
 * the upstream request, and the rest of the client's body is read and dropped, so the client sees the answer.
 */
final class CappedBody implements ReadStream<Buffer> {

    /** The body went over the limit; carries the limit for the client's problem detail. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("request body over " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private long seen;
    private boolean exceeded;
    private Handler<Buffer> dataHandler;
    private Handler<Throwable> exceptionHandler;

    CappedBody(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    /** Whether the body went over the limit (then the upstream's failure is the client's 413, not a 503). */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    public CappedBody handler(Handler<Buffer> handler) {
        dataHandler = handler;
        source.handler(handler == null ? null : this::pass);
        return this;
    }

    private void pass(Buffer chunk) {
        if (exceeded) {
            return; // the rest of an over-limit body: read so the client can take its answer, then dropped
        }
        seen += chunk.length();
        if (seen > limit) {
            exceeded = true;
            Handler<Throwable> failed = exceptionHandler;
            if (failed != null) {
                failed.handle(new TooLarge(limit));
            }
            return;
        }
        Handler<Buffer> handler = dataHandler;
        if (handler != null) {
            handler.handle(chunk);
        }
    }

    @Override
    public CappedBody exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public CappedBody pause() {
        source.pause();
        return this;
    }

    @Override
    public CappedBody resume() {
        source.resume();
        return this;
    }

    @Override
    public CappedBody fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public CappedBody endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : end -> {
            if (!exceeded) {
                endHandler.handle(end);
            }
        });
        return this;
    }
}
