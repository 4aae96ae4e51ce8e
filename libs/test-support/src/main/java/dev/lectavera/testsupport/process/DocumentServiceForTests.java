package dev.lectavera.testsupport.process;

import dev.lectavera.testsupport.jwt.JwtTestKeys;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The real document-service for the tests of a service that calls it (study, quiz): its packaged jar run as a
 * process against the shared PostgreSQL ({@code lv_document_it}, or {@code -Dlectavera.test.document-database=…}
 * for a run of its own), Redis and Kafka, with {@link JwtTestKeys} made for this run that both services verify
 * tokens with. Started once per test JVM, by whichever test needs it first, and stopped when the JVM exits: Quarkus
 * test profiles restart the service under test, not this.
 * <p>
 * Each Quarkus application start loads the test classes in a new class loader, so a static field would not make
 * this a singleton: the running process is recorded in JVM system properties (URL and key directory) instead.
 */
public final class DocumentServiceForTests {

    private static final String URL_PROPERTY = "lectavera.test.document-service.url";
    private static final String KEYS_PROPERTY = "lectavera.test.document-service.keys";
    /** System properties are per JVM, whatever the class loader: the lock that guards them is too. */
    private static final Object LOCK = System.getProperties();
    private static final int START_ATTEMPTS = 3;
    /** document-service's build output must not have changed for this long (a parallel build may rewrite it). */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final String baseUrl;
    private final JwtTestKeys keys;

    private DocumentServiceForTests(String baseUrl, JwtTestKeys keys) {
        this.baseUrl = baseUrl;
        this.keys = keys;
    }

    /** The running process, started first if this JVM has none yet. */
    public static DocumentServiceForTests get() {
        synchronized (LOCK) {
            String url = System.getProperty(URL_PROPERTY);
            if (url != null) {
                return new DocumentServiceForTests(url, JwtTestKeys.load(Path.of(System.getProperty(KEYS_PROPERTY))));
            }
            RuntimeException last = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                try {
                    return start();
                } catch (RuntimeException e) {
                    // document-service's build output may be rewritten right now by a parallel build: retry
                    last = e;
                }
            }
            throw last;
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The keys document-service verifies with; tests sign their users' tokens with the private half. */
    public JwtTestKeys keys() {
        return keys;
    }

    private static DocumentServiceForTests start() {
        Path moduleDir = Path.of(System.getProperty("user.dir"));
        Path app = moduleDir.resolveSibling("document-service").resolve("target/quarkus-app");
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> settled(app));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("document-service is not packaged (" + app + "): run ./mvnw -pl "
                    + "document-service -am package -DskipTests, or build this module with -am", e);
        }
        Path work;
        try {
            work = Files.createTempDirectory(Files.createDirectories(moduleDir.resolve("target")),
                    "document-service-for-tests");
            Files.createDirectories(work.resolve("blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            JwtTestKeys keys = JwtTestKeys.generate(work);
            String caller = moduleDir.getFileName().toString().replace("-service", "");
            QuarkusAppProcess process = QuarkusAppProcess
                    .builder("document-service", snapshot(app, work.resolve("app")).resolve("quarkus-run.jar"))
                    .jvmOptions("-Xmx640m", "-XX:+UseSerialGC")
                    .env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/"
                            + System.getProperty("lectavera.test.document-database", "lv_document_it"))
                    .env("QUARKUS_DATASOURCE_PASSWORD", "lv_document")
                    .env("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyLocation())
                    .env("LECTAVERA_BLOBS_DIRECTORY", work.resolve("blobs").toString())
                    // its own consumer group: never take lectavera.users partitions from another document-service
                    .env("MP_MESSAGING_INCOMING_USERS_GROUP_ID", "document-service-for-" + caller + "-tests")
                    .log(moduleDir.resolve("target/document-service-for-tests.log"))
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.stop();
                deleteTree(work);
            }, "stop-document-service"));
            process.start();
            System.setProperty(KEYS_PROPERTY, work.toString());
            System.setProperty(URL_PROPERTY, process.baseUrl());
            return new DocumentServiceForTests(process.baseUrl(), keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            return false; // missing, or being rewritten
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // under target/: the next clean removes it
        }
    }
}
