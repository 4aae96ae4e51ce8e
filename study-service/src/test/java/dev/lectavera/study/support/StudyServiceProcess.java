package dev.lectavera.study.support;

import dev.lectavera.testsupport.process.DocumentServiceForTests;
import dev.lectavera.testsupport.process.QuarkusAppProcess;

import java.nio.file.Path;

/**
 * A study-service instance run from this module's packaged jar (integration tests: after {@code package}),
 * against the shared PostgreSQL ({@code lv_study_it}), Redis and Kafka and the document-service process.
 */
public final class StudyServiceProcess implements AutoCloseable {

    private final QuarkusAppProcess process;

    private StudyServiceProcess(QuarkusAppProcess process) {
        this.process = process;
    }

    /** Starts an instance and waits until it is ready. */
    public static StudyServiceProcess start(String name) {
        Path moduleDir = Path.of(System.getProperty("user.dir"));
        DocumentServiceForTests documents = DocumentServiceForTests.get();
        QuarkusAppProcess process = QuarkusAppProcess
                .builder("study-service-" + name, moduleDir.resolve("target/quarkus-app/quarkus-run.jar"))
                .jvmOptions("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                // -Dlectavera.test.study-database=… gives a test run a database of its own (runs in parallel)
                .env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/"
                        + System.getProperty("lectavera.test.study-database", "lv_study_it"))
                .env("QUARKUS_DATASOURCE_PASSWORD", "lv_study")
                .env("MP_JWT_VERIFY_PUBLICKEY_LOCATION", documents.keys().publicKeyLocation())
                .env("QUARKUS_REST_CLIENT_DOCUMENTS_URL", documents.baseUrl())
                .env("MP_MESSAGING_INCOMING_DOCUMENTS_GROUP_ID", "study-service-it")
                .env("MP_MESSAGING_INCOMING_USERS_GROUP_ID", "study-service-it")
                .build();
        StudyServiceProcess instance = new StudyServiceProcess(process);
        instance.start();
        return instance;
    }

    /** Starts (again) on the same ports. */
    public void start() {
        process.start();
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    public StudyApi api() {
        return new StudyApi(baseUrl());
    }

    /** A graceful stop (SIGTERM), as Kubernetes does. */
    public void stop() {
        process.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
