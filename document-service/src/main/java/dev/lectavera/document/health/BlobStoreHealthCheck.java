package dev.lectavera.document.health;

import dev.lectavera.document.blob.FileSystemBlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.nio.file.Files;

/** Uploads need a writable blob directory (a volume in Kubernetes): without one the instance takes no traffic. */
@Readiness
@ApplicationScoped
public class BlobStoreHealthCheck implements HealthCheck {

    private final FileSystemBlobStore blobs;

    BlobStoreHealthCheck(FileSystemBlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public HealthCheckResponse call() {
        boolean writable = Files.isDirectory(blobs.root()) && Files.isWritable(blobs.root());
        return HealthCheckResponse.named("blob-store")
                .status(writable)
                .withData("directory", blobs.root().toString())
                .build();
    }
}
