package dev.lectavera.document.blob;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link BlobStore} promises, run against each implementation (the S3 one against the s3rver that
 * dev/stack starts). Plain JUnit: no application start.
 */
abstract class BlobStoreContract {

    /** Above the S3 store's smallest part size (5 MiB, used by the tests): a multipart upload of three parts. */
    static final int LARGE = 12 * 1024 * 1024;

    protected abstract BlobStore store();

    private static String newKey() {
        return UUID.randomUUID() + "/" + UUID.randomUUID() + ".pdf";
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void storesReadsAndDeletesABlob() throws IOException {
        String key = newKey();
        byte[] content = bytes(10_000);

        assertEquals(content.length, store().put(key, new ByteArrayInputStream(content)));

        assertTrue(store().exists(key));
        try (InputStream in = store().open(key)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        try (BlobStore.LocalFile file = store().localFile(key)) {
            assertArrayEquals(content, Files.readAllBytes(file.path()));
        }
        assertTrue(store().delete(key));
        assertFalse(store().exists(key));
        assertFalse(store().delete(key), "a second delete finds nothing");
        assertThrows(NoSuchFileException.class, () -> store().open(key));
    }

    @Test
    void streamsALargeBlobInAndOut() throws IOException {
        String key = newKey();
        byte[] content = bytes(LARGE);

        assertEquals(LARGE, store().put(key, new ByteArrayInputStream(content)));

        try (InputStream in = store().open(key)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        Path copy;
        try (BlobStore.LocalFile file = store().localFile(key)) {
            copy = file.path();
            assertEquals(LARGE, Files.size(copy));
        }
        store().delete(key);
    }

    @Test
    void neverReplacesABlob() throws IOException {
        String key = newKey();
        store().put(key, new ByteArrayInputStream(bytes(100)));

        assertThrows(FileAlreadyExistsException.class, () -> store().put(key, new ByteArrayInputStream(bytes(200))));

        try (InputStream in = store().open(key)) {
            assertArrayEquals(bytes(100), in.readAllBytes());
        }
        store().delete(key);
    }

    @Test
    void aStreamThatFailsHalfwayLeavesNothing() {
        String key = newKey();
        // past the first part: the S3 store has started a multipart upload when the stream breaks
        InputStream breaking = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ >= 7 * 1024 * 1024) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };

        assertThrows(IOException.class, () -> store().put(key, breaking));

        assertFalse(store().exists(key));
    }

    @Test
    void refusesKeysThatLeaveTheStore() {
        for (String key : new String[] {"../escape.pdf", "/absolute.pdf", "a//b.pdf", ".hidden/x.pdf", "a b.pdf", ""}) {
            assertThrows(IllegalArgumentException.class, () -> store().put(key, new ByteArrayInputStream(bytes(1))), key);
            assertThrows(IllegalArgumentException.class, () -> store().exists(key), key);
        }
    }

    @Test
    void reportsItselfAvailable() {
        BlobStore.Availability availability = store().availability();

        assertTrue(availability.available(), availability.toString());
    }
}
