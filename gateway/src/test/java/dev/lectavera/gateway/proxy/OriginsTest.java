package dev.lectavera.gateway.proxy;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final Origins origins = new Origins("study",
            List.of(URI.create("http://a:1"), URI.create("http://b:2"), URI.create("http://c:3")), 1000, 1000, 50, now::get);

    private List<String> hosts(int turn) {
        return origins.order(turn, now.get()).stream().map(origin -> origin.url().getHost()).toList();
    }

    @Test
    void turnsGoRoundRobinAndEveryInstanceIsTriedOnce() {
        assertEquals(List.of("a", "b", "c"), hosts(0));
        assertEquals(List.of("b", "c", "a"), hosts(1));
        assertEquals(List.of("c", "a", "b"), hosts(2));
        assertEquals(List.of("a", "b", "c"), hosts(3));
        assertEquals(List.of("c", "a", "b"), hosts(-1));
    }

    @Test
    void anEjectedInstanceGoesLastUntilItsEjectionEnds() {
        origins.all().get(1).ejectedUntil = now.get() + 50;
        assertEquals(List.of("a", "c", "b"), hosts(0));
        assertEquals(List.of("c", "a", "b"), hosts(1));
        now.addAndGet(50);
        assertEquals(List.of("b", "c", "a"), hosts(1));
    }

    @Test
    void onlyConnectFailuresMoveARequestToAnotherInstance() {
        assertTrue(Origins.isConnectFailure(new ConnectException("Connection refused")));
        assertTrue(Origins.isConnectFailure(new IOException("wrapped", new ConnectTimeoutException("slow"))));
        assertFalse(Origins.isConnectFailure(new IOException("Connection reset by peer")));
    }

    @Test
    void anEmptyListIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new Origins("quiz", List.of(), 1, 1, 1, now::get));
    }
}
