package dev.lectavera.document.health;

import dev.lectavera.document.blob.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Uploads need a writable blob store (a directory, or a reachable bucket): without one the instance takes no
 * traffic.
 */
@Readiness
@ApplicationScoped
public class BlobStoreHealthCheck implements HealthCheck {

    private final BlobStore blobs;

    BlobStoreHealthCheck(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public HealthCheckResponse call() {
        BlobStore.Availability availability = blobs.availability();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("blob-store")
                .status(availability.available())
                .withData("location", availability.location());
        if (availability.problem() != null) {
            response.withData("problem", availability.problem());
        }
        return response.build();
    }
}
