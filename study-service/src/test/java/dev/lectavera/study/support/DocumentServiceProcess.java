package dev.lectavera.study.support;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real document-service, run from its packaged jar as a separate process against the shared PostgreSQL
 * ({@code lv_document_it}), Redis and Kafka. It is started once per test JVM (whichever test needs it first) and
 * stopped when the JVM exits; Quarkus test profiles restart study-service, not this.
 * <p>
 * Each Quarkus application start loads the test classes in a new class loader, so a static field would not make
 * this a singleton: the running process is recorded in JVM system properties (URL and key directory) instead.
 */
public final class DocumentServiceProcess {

    private static final String URL_PROPERTY = "lectavera.test.document-service.url";
    private static final String KEYS_PROPERTY = "lectavera.test.document-service.keys";
    /** System properties are per JVM, whatever the class loader: the lock that guards them is too. */
    private static final Object LOCK = System.getProperties();

    private final String baseUrl;
    private final TestKeys keys;

    private DocumentServiceProcess(String baseUrl, TestKeys keys) {
        this.baseUrl = baseUrl;
        this.keys = keys;
    }

    public static DocumentServiceProcess get() {
        synchronized (LOCK) {
            String url = System.getProperty(URL_PROPERTY);
            if (url != null) {
                return new DocumentServiceProcess(url, TestKeys.load(Path.of(System.getProperty(KEYS_PROPERTY))));
            }
            return start();
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public TestKeys keys() {
        return keys;
    }

    private static DocumentServiceProcess start() {
        Path moduleDir = Path.of(System.getProperty("user.dir"));
        Path jar = moduleDir.resolveSibling("document-service").resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("document-service is not packaged (" + jar + "): run "
                    + "./mvnw -pl document-service -am package -DskipTests, or build study-service with -am");
        }
        try {
            Path work = Files.createTempDirectory("lv-study-tests");
            TestKeys keys = TestKeys.generate(work);
            int[] ports = freePorts(2);
            int port = ports[0];
            Path log = moduleDir.resolve("target/document-service-for-tests.log");
            Files.createDirectories(log.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx640m", "-XX:+UseSerialGC",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(ports[1]));
            // -Dlectavera.test.document-database=… gives a test run a database of its own (runs in parallel)
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/"
                    + System.getProperty("lectavera.test.document-database", "lv_document_it"));
            env.put("QUARKUS_DATASOURCE_PASSWORD", "lv_document");
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyLocation());
            env.put("LECTAVERA_BLOBS_DIRECTORY", work.resolve("blobs").toString());
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            // its own consumer group: never take lectavera.users partitions from another document-service
            env.put("MP_MESSAGING_INCOMING_USERS_GROUP_ID", "document-service-for-study-tests");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(process);
                TestKeys.delete(work);
            }, "stop-document-service"));
            String baseUrl = "http://localhost:" + port;
            awaitReady(process, "http://localhost:" + ports[1], log);
            System.setProperty(KEYS_PROPERTY, work.toString());
            System.setProperty(URL_PROPERTY, baseUrl);
            return new DocumentServiceProcess(baseUrl, keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReady(Process process, String managementUrl, Path log) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
        try {
            Awaitility.await("document-service ready (log: " + log + ")")
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("document-service exited with " + process.exitValue()
                                    + "; see " + log);
                        }
                        try {
                            return http.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(5)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    private static void stop(Process process) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    public static int freePort() {
        return freePorts(1)[0];
    }

    /** Free ports, all different: every probe stays open until all are chosen. */
    public static int[] freePorts(int count) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket probe : probes) {
                try {
                    probe.close();
                } catch (IOException ignored) {
                    // a probe: nothing listens on it
                }
            }
        }
    }
}
