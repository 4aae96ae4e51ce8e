package dev.lectavera.document.config;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;

/** Where original files live (env LECTAVERA_BLOBS_DIRECTORY; a volume in Kubernetes). */
@ConfigMapping(prefix = "lectavera.blobs")
public interface BlobsConfig {

    Path directory();
}
