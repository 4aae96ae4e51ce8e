package dev.lectavera.document.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where original files live: a local directory (one instance, or a volume every replica mounts) or an
 * S3-compatible bucket (any number of replicas).
 */
@ConfigMapping(prefix = "lectavera.documents.blobs")
public interface BlobsConfig {

    @WithDefault("filesystem")
    Store store();

    /** With {@code store=filesystem}: the directory (application.properties also honours LECTAVERA_BLOBS_DIRECTORY). */
    Path directory();

    S3 s3();

    enum Store {
        FILESYSTEM,
        S3
    }

    /** Used only with {@code store=s3}. */
    interface S3 {

        /** An S3-compatible server (MinIO, s3rver, ...); absent: AWS S3 of {@link #region()}. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("lectavera-documents")
        String bucket();

        /** {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: what most non-AWS servers need. */
        @WithDefault("false")
        boolean pathStyleAccess();

        /** Creates the bucket at start when it is missing (local and compose; in production it is provisioned). */
        @WithDefault("false")
        boolean createBucket();

        /**
         * Static credentials, from a Secret (env LECTAVERA_DOCUMENTS_BLOBS_S3_ACCESS_KEY_ID / ..._SECRET_ACCESS_KEY).
         * Absent: the AWS SDK's default chain (AWS_* env, web identity, instance profile).
         */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /**
         * A file larger than this is uploaded in parts of this size, so at most one part is held in memory
         * (S3 wants parts of at least 5 MiB, except the last).
         */
        @WithDefault("8M")
        MemorySize partSize();

        /** Upper bound of one call to the server (a part upload included). */
        @WithDefault("60s")
        Duration callTimeout();
    }
}
