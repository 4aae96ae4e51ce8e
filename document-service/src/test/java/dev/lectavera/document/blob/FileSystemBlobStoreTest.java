package dev.lectavera.document.blob;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class FileSystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path directory;

    private FileSystemBlobStore store;

    @BeforeEach
    void createStore() {
        store = new FileSystemBlobStore(TestBlobsConfig.fileSystem(directory));
    }

    @Override
    protected BlobStore store() {
        return store;
    }
}
