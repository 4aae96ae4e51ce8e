package dev.lectavera.document.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where original files are kept. Keys are relative paths made of letters, digits, {@code - _ . /}; a put is
 * all-or-nothing (a reader never sees half a file).
 */
public interface BlobStore {

    /** Stores everything the stream yields under {@code key}, replacing nothing: the key must be new. */
    long put(String key, InputStream content) throws IOException;

    /** Opens the blob for reading; the caller closes it. */
    InputStream open(String key) throws IOException;

    /**
     * A local file with the blob's bytes, for libraries that need random access (PDFBox). The filesystem store
     * hands out the stored file itself; a remote store would download a temporary copy, deleted on close.
     */
    LocalFile localFile(String key) throws IOException;

    boolean exists(String key);

    /** Deletes the blob; true when it existed. */
    boolean delete(String key) throws IOException;

    interface LocalFile extends AutoCloseable {
        Path path();

        @Override
        void close();
    }
}
