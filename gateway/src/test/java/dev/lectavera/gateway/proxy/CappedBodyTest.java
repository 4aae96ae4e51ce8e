package dev.lectavera.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CappedBodyTest {

    /** A body arriving chunk by chunk, as a paused HTTP request hands it on. */
    private static final class Chunks implements ReadStream<Buffer> {
        Handler<Buffer> data;
        Handler<Void> end;
        Handler<Throwable> failure;

        void arrive(int bytes) {
            data.handle(Buffer.buffer(new byte[bytes]));
        }

        void finish() {
            end.handle(null);
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            data = handler;
            return this;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            failure = handler;
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            end = handler;
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            return this;
        }
    }

    private final Chunks source = new Chunks();
    private final CappedBody capped = new CappedBody(source, 100);
    private final List<Integer> forwarded = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private boolean ended;

    private void pipe() {
        capped.handler(chunk -> forwarded.add(chunk.length()));
        capped.exceptionHandler(failures::add);
        capped.endHandler(end -> ended = true);
    }

    @Test
    void aBodyOfExactlyTheLimitPassesWhole() {
        pipe();
        source.arrive(60);
        source.arrive(40);
        source.finish();

        assertEquals(List.of(60, 40), forwarded);
        assertTrue(ended);
        assertFalse(capped.exceeded());
        assertTrue(failures.isEmpty());
    }

    @Test
    void theChunkThatGoesOverIsNeverForwardedAndTheStreamFailsOnce() {
        pipe();
        source.arrive(60);
        source.arrive(41);
        source.arrive(500); // the rest of the client's body: read and dropped
        source.finish();

        assertEquals(List.of(60), forwarded);
        assertTrue(capped.exceeded());
        assertEquals(1, failures.size());
        assertInstanceOf(CappedBody.TooLarge.class, failures.getFirst());
        assertFalse(ended, "an over-limit body must not look complete to the upstream");
    }

    @Test
    void theSourcesOwnFailuresStillReachThePipe() {
        pipe();
        IllegalStateException reset = new IllegalStateException("client reset");
        source.failure.handle(reset);

        assertEquals(List.of(reset), failures);
        assertFalse(capped.exceeded());
    }
}
