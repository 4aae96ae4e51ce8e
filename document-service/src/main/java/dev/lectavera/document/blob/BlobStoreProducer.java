package dev.lectavera.document.blob;

import dev.lectavera.document.config.BlobsConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * The one {@link BlobStore} of the application, chosen at run time by {@code lectavera.documents.blobs.store} so
 * the same build runs with a local directory or a bucket. Created at start: a missing or unwritable directory
 * fails start-up, and the bucket is checked (or made) before the first upload.
 */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @Startup
    @ApplicationScoped
    BlobStore blobStore(BlobsConfig config, Instance<FileSystemBlobStore> fileSystem, Instance<S3BlobStore> s3) {
        return switch (config.store()) {
            case FILESYSTEM -> fileSystem.get();
            case S3 -> s3.get();
        };
    }
}
