package dev.lectavera.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Free TCP ports for processes a test starts. */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    /** Linux hands out 32768-60999 to outgoing connections (ip_local_port_range). */
    private static final int BELOW_EPHEMERAL = 32_000;

    private FreePorts() {
    }

    public static int take() {
        return take(1)[0];
    }

    /**
     * {@code count} different free ports below the kernel's ephemeral range: a port taken from that range can be
     * grabbed, before the started process binds it, as the local end of any outgoing connection of the processes
     * already running, and the late starter then dies with "address already in use". Every probe stays open until
     * all are chosen.
     */
    public static int[] take(int count) {
        List<ServerSocket> probes = new ArrayList<>();
        try {
            int candidate = LOWEST + ThreadLocalRandom.current().nextInt(BELOW_EPHEMERAL - LOWEST);
            int tried = 0;
            while (probes.size() < count) {
                if (++tried > BELOW_EPHEMERAL - LOWEST) {
                    throw new IllegalStateException("no free port between " + LOWEST + " and " + BELOW_EPHEMERAL);
                }
                if (candidate >= BELOW_EPHEMERAL) {
                    candidate = LOWEST;
                }
                try {
                    probes.add(new ServerSocket(candidate++, 50, InetAddress.getLoopbackAddress()));
                } catch (IOException taken) {
                    // in use by something else: try the next one
                }
            }
            return probes.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket probe : probes) {
                try {
                    probe.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
