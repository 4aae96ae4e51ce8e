package dev.lectavera.document.blob;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.UUID;

/** Against the s3rver that dev/stack starts on 127.0.0.1:9000; the bucket is new, so its creation is tested too. */
class S3BlobStoreTest extends BlobStoreContract {

    private static S3BlobStore store;

    @BeforeAll
    static void createStore() {
        store = new S3BlobStore(TestBlobsConfig.s3rver("contract-" + UUID.randomUUID()));
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }
}
