package dev.lectavera.study.support;

import dev.lectavera.testsupport.process.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A redis-server of the test's own on a free port (no persistence), for tests that stop and restart Redis: the
 * shared Redis on 6379 serves the other tests and is never touched. The port travels in a system property (the
 * test and this resource may live in different class loaders); every server is shut down through the port, so
 * whichever process listens there is stopped at the end.
 */
public final class PrivateRedis implements QuarkusTestResourceLifecycleManager {

    private static final String PORT_PROPERTY = "lectavera.test.private-redis.port";

    @Override
    public Map<String, String> start() {
        int port = FreePorts.take();
        System.setProperty(PORT_PROPERTY, String.valueOf(port));
        startServer(port);
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        shutdownServer(port());
        System.clearProperty(PORT_PROPERTY);
    }

    public static int port() {
        return Integer.getInteger(PORT_PROPERTY);
    }

    public static RespClient client() {
        return new RespClient("127.0.0.1", port());
    }

    /** Starts a redis-server on the port and waits until it answers. */
    public static void startServer(int port) {
        Path log = Path.of(System.getProperty("user.dir"), "target", "private-redis-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of("redis-server", "--bind", "127.0.0.1",
                "--port", String.valueOf(port), "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not be started (is it installed?)", e);
        }
        // the JVM may end without stop(): never leave a server behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        Awaitility.await("private redis-server on " + port).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    try (RespClient c = new RespClient("127.0.0.1", port)) {
                        return "PONG".equals(c.command("PING"));
                    }
                });
    }

    /** Stops whatever redis-server listens on the port (SHUTDOWN NOSAVE) and waits until the port is closed. */
    public static void shutdownServer(int port) {
        try (RespClient c = new RespClient("127.0.0.1", port)) {
            c.send("SHUTDOWN", "NOSAVE");
            c.next(); // the server closes the connection instead of answering
        } catch (RuntimeException alreadyGone) {
            // closed: that is the point
        }
        Awaitility.await("private redis-server on " + port + " stopped").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> !listening(port));
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
