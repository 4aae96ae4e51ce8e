package dev.lectavera.testsupport.process;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) run as a child process with this
 * JVM's java, configured through environment variables, on a public and a management port of its own. Ready when
 * its management interface answers {@code /q/health/ready} with 200; a process that dies meanwhile fails the wait
 * at once with the tail of its log.
 */
public final class QuarkusAppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final int managementPort;
    private Process process;

    private QuarkusAppProcess(Builder builder) {
        this.name = builder.name;
        this.jar = builder.jar;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.environment = Map.copyOf(builder.environment);
        this.log = builder.log;
        int[] ports = FreePorts.take(2);
        this.port = ports[0];
        this.managementPort = ports[1];
    }

    /** {@code name} for messages and the log file; {@code jar} the application's quarkus-run.jar. */
    public static Builder builder(String name, Path jar) {
        return new Builder(name, jar);
    }

    /** Starts the process (again, on the same ports) and waits until it is ready. */
    public QuarkusAppProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not packaged (" + jar + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("--add-opens");
        command.add("java.base/java.lang=ALL-UNNAMED");
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            // health on the management interface, never the public port
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            builder.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            awaitReady();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return this;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Awaitility.await(name + " ready (log: " + log + ")")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; the end of "
                                + log + ":\n" + logTail());
                    }
                    try {
                        return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    /** A graceful stop (SIGTERM, as Kubernetes does), forced after 30 s. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    public static final class Builder {

        private final String name;
        private final Path jar;
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path log;

        private Builder(String name, Path jar) {
            this.name = name;
            this.jar = jar;
            this.log = Path.of("target", name + ".log").toAbsolutePath();
        }

        /** Replaces the default JVM options ({@code -Xmx512m -XX:+UseSerialGC}). */
        public Builder jvmOptions(String... options) {
            jvmOptions.clear();
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** A configuration value, as an environment variable (e.g. {@code QUARKUS_DATASOURCE_JDBC_URL}). */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Where the process writes its output (appended; default {@code target/<name>.log}). */
        public Builder log(Path file) {
            this.log = file.toAbsolutePath();
            return this;
        }

        /** The process, ports chosen, not started yet. */
        public QuarkusAppProcess build() {
            return new QuarkusAppProcess(this);
        }
    }
}
