package dev.lectavera.document.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where original files are kept. Keys are relative paths made of letters, digits, {@code - _ . /}; a put is
 * all-or-nothing (a reader never sees half a file). Implementations: {@link FileSystemBlobStore} and
 * {@link S3BlobStore}, chosen by {@code lectavera.documents.blobs.store} ({@link BlobStoreProducer}).
 */
public interface BlobStore {

    /** Stores everything the stream yields under {@code key}, replacing nothing: the key must be new. */
    long put(String key, InputStream content) throws IOException;

    /** Opens the blob for reading; the caller closes it. */
    InputStream open(String key) throws IOException;

    /**
     * A local file with the blob's bytes, for libraries that need random access (PDFBox). The filesystem store
     * hands out the stored file itself; a remote store downloads a temporary copy, deleted on close.
     */
    LocalFile localFile(String key) throws IOException;

    boolean exists(String key);

    /** Deletes the blob; true when it existed. */
    boolean delete(String key) throws IOException;

    /** Whether blobs can be written now, and where they go (for the readiness check). */
    Availability availability();

    interface LocalFile extends AutoCloseable {
        Path path();

        @Override
        void close();
    }

    /** @param location the directory or {@code s3://bucket} (no credentials); @param problem why not, when not */
    record Availability(boolean available, String location, String problem) {

        public static Availability up(String location) {
            return new Availability(true, location, null);
        }

        public static Availability down(String location, String problem) {
            return new Availability(false, location, problem);
        }
    }
}
