package dev.lectavera.document.blob;

import dev.lectavera.document.config.BlobsConfig;
import io.quarkus.runtime.configuration.MemorySize;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A {@link BlobsConfig} for building stores outside the application (the contract tests). */
record TestBlobsConfig(Store store, Path directory, S3 s3) implements BlobsConfig {

    static BlobsConfig fileSystem(Path directory) {
        return new TestBlobsConfig(Store.FILESYSTEM, directory, null);
    }

    /** The s3rver of dev/stack (its fixed local keys), a bucket of the test's own that the store creates. */
    static BlobsConfig s3rver(String bucket) {
        return new TestBlobsConfig(Store.S3, Path.of("unused"), new S3() {
            @Override
            public Optional<URI> endpoint() {
                return Optional.of(URI.create("http://127.0.0.1:9000"));
            }

            @Override
            public String region() {
                return "us-east-1";
            }

            @Override
            public String bucket() {
                return bucket;
            }

            @Override
            public boolean pathStyleAccess() {
                return true;
            }

            @Override
            public boolean createBucket() {
                return true;
            }

            @Override
            public Optional<String> accessKeyId() {
                return Optional.of("S3RVER");
            }

            @Override
            public Optional<String> secretAccessKey() {
                return Optional.of("S3RVER");
            }

            @Override
            public MemorySize partSize() {
                return new MemorySize(BigInteger.valueOf(5L * 1024 * 1024));
            }

            @Override
            public Duration callTimeout() {
                return Duration.ofSeconds(30);
            }
        });
    }
}
