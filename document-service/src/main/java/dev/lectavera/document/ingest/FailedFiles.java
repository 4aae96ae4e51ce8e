package dev.lectavera.document.ingest;

import dev.lectavera.document.blob.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Deletes the file of a document that ended FAILED, after the status is committed: the row keeps the reason, the
 * bytes stop counting against the user's quota. A file that cannot be deleted now is only disk space (it no
 * longer counts); the log says which.
 */
@ApplicationScoped
public class FailedFiles {

    private static final Logger LOG = Logger.getLogger(FailedFiles.class);

    private final BlobStore blobs;

    FailedFiles(BlobStore blobs) {
        this.blobs = blobs;
    }

    public void delete(String blobKey) {
        try {
            blobs.delete(blobKey);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.warnf("File %s of a failed document could not be deleted: %s", blobKey, e.toString());
        }
    }
}
