package dev.lectavera.study.support;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A study-service instance run from this module's packaged jar (integration tests: after {@code package}),
 * against the shared PostgreSQL ({@code lv_study_it}), Redis and Kafka and the document-service process.
 */
public final class StudyServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    /** Health, metrics and OpenAPI: the management interface, never the public port. */
    private final int managementPort;
    private Process process;

    private StudyServiceProcess(String name, int port, int managementPort) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts an instance and waits until it is ready. */
    public static StudyServiceProcess start(String name) {
        int[] ports = DocumentServiceProcess.freePorts(2);
        StudyServiceProcess instance = new StudyServiceProcess(name, ports[0], ports[1]);
        instance.start();
        return instance;
    }

    /** Starts (again) on the same ports. */
    public void start() {
        Path moduleDir = Path.of(System.getProperty("user.dir"));
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("study-service is not packaged yet: " + jar);
        }
        DocumentServiceProcess documents = DocumentServiceProcess.get();
        Path log = moduleDir.resolve("target/study-service-" + name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        // -Dlectavera.test.study-database=… gives a test run a database of its own (runs in parallel)
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/"
                + System.getProperty("lectavera.test.study-database", "lv_study_it"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", "lv_study");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", documents.keys().publicKeyLocation());
        env.put("QUARKUS_REST_CLIENT_DOCUMENTS_URL", documents.baseUrl());
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("MP_MESSAGING_INCOMING_DOCUMENTS_GROUP_ID", "study-service-it");
        env.put("MP_MESSAGING_INCOMING_USERS_GROUP_ID", "study-service-it");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
        Awaitility.await("study-service " + name + " ready (log: " + log + ")")
                .atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("study-service " + name + " exited; see " + log);
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public StudyApi api() {
        return new StudyApi(baseUrl());
    }

    /** A graceful stop (SIGTERM), as Kubernetes does. */
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
}
