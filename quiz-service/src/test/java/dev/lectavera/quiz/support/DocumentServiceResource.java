package dev.lectavera.quiz.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The real document-service, run as a process from its built jar ({@code ../document-service/target/quarkus-app},
 * taken as a hard-linked snapshot so a parallel rebuild cannot break the running process), on a free port, against
 * its own database {@code lv_document_it} and the shared Redis and Kafka. A fresh RSA key
 * pair per run: document-service and quiz-service verify tokens with the public key, tests sign with the private
 * one ({@code smallrye.jwt.sign.key.location}). The process log goes to {@code target/document-service-*.log}.
 */
public class DocumentServiceResource implements QuarkusTestResourceLifecycleManager {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Path APP = Path.of("..", "document-service", "target", "quarkus-app");
    private static final int START_ATTEMPTS = 3;
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private Path directory;
    private Process process;

    @Override
    public Map<String, String> start() {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce();
            } catch (RuntimeException e) {
                // document-service's build output may be rewritten right now by a parallel build: wait, retry
                last = e;
                stop();
            }
        }
        throw last;
    }

    private Map<String, String> startOnce() {
        Path app = APP.toAbsolutePath().normalize();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> settled(app));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("document-service is not built (" + app + "): run ./mvnw -pl "
                    + "document-service -am package -DskipTests, or build quiz-service with -am", e);
        }
        try {
            directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "document-service-it");
            Path jar = snapshot(app, directory.resolve("app")).resolve("quarkus-run.jar");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Path publicKey = directory.resolve("public.pem");
            Path privateKey = directory.resolve("private.pem");
            Files.writeString(publicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            Path blobs = Files.createDirectories(directory.resolve("blobs"));
            int[] ports = freePorts(2);
            int port = ports[0];
            Path log = Path.of("target", "document-service-" + port + ".log").toAbsolutePath();
            Files.createDirectories(log.getParent());

            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx512m");
            command.add("-XX:+UseSerialGC");
            command.add("--add-opens");
            command.add("java.base/java.lang=ALL-UNNAMED");
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            // health on the management interface, never the public port
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(ports[1]));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/lv_document_it");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "lv_document");
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
            env.put("LECTAVERA_BLOBS_DIRECTORY", blobs.toString());
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            process = builder.start();

            String url = "http://localhost:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            await("document-service ready (log: " + log + ")").atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("document-service exited with " + process.exitValue()
                                    + "; see " + log);
                        }
                        return ready(http, "http://localhost:" + ports[1]);
                    });
            return Map.of(
                    "quarkus.rest-client.documents.url", url,
                    "mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
                    "smallrye.jwt.sign.key.location", privateKey.toUri().toString());
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            stop();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private static boolean ready(HttpClient http, String managementUrl) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir: the OS cleans up
            }
            directory = null;
        }
    }

    /**
     * A private copy of document-service's fast-jar directory, hard-linked where the file system allows (instant, no
     * space): a parallel rebuild of document-service replaces its files but cannot pull them from under the running
     * process.
     */
    private static Path snapshot(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    try {
                        Files.createLink(copy, file);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(file, copy);
                    }
                }
            }
        }
        return target;
    }

    /** Complete (the launcher and its libraries are there) and not written to for a few seconds. */
    private static boolean settled(Path app) {
        try (Stream<Path> files = Files.walk(app)) {
            long newest = 0;
            int count = 0;
            for (Path file : files.toList()) {
                newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
                count++;
            }
            return Files.isRegularFile(app.resolve("quarkus-run.jar")) && Files.isDirectory(app.resolve("lib/main"))
                    && count > 10 && System.currentTimeMillis() - newest > SETTLE.toMillis();
        } catch (IOException e) {
            return false; // being rewritten
        }
    }

    /** Free ports, all different: every probe stays open until all are chosen. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> probes = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket probe = new ServerSocket(0);
                probe.setReuseAddress(true);
                probes.add(probe);
                ports[i] = probe.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket probe : probes) {
                probe.close();
            }
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
