package dev.lectavera.document.blob;

import dev.lectavera.document.config.BlobsConfig;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Blobs as files under one directory (a Kubernetes volume in production). A put streams into a staging file
 * in the same directory tree, forces it to disk and renames it into place, so a crash never leaves half a file
 * under a real key. Typed to itself: the {@link BlobStore} every other bean gets is {@link BlobStoreProducer}'s;
 * a singleton (no client proxy), so the producer's lookup builds it, and checks the directory, at start.
 */
@Singleton
@Typed(FileSystemBlobStore.class)
public class FileSystemBlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(FileSystemBlobStore.class);
    private static final String STAGING = ".staging";

    private final Path root;
    private final Path staging;

    FileSystemBlobStore(BlobsConfig config) {
        this.root = config.directory().toAbsolutePath().normalize();
        this.staging = root.resolve(STAGING);
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Blob directory " + root + " cannot be created (set"
                    + " lectavera.documents.blobs.directory / LECTAVERA_BLOBS_DIRECTORY to a writable directory)", e);
        }
        sweepStaging();
        LOG.infof("Blobs are stored under %s", root);
    }

    public Path root() {
        return root;
    }

    @Override
    public long put(String key, InputStream content) throws IOException {
        Path target = resolve(key);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(key);
        }
        Path part = staging.resolve(UUID.randomUUID() + ".part");
        long written;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            written = content.transferTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        try {
            moveIntoPlace(part, target);
        } catch (NoSuchFileException userFolderJustRemoved) {
            // a concurrent delete removed the (then empty) user folder between mkdir and rename: once more
            try {
                moveIntoPlace(part, target);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return written;
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public LocalFile localFile(String key) throws IOException {
        Path path = resolve(key);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(key);
        }
        return new LocalFile() {
            @Override
            public Path path() {
                return path;
            }

            @Override
            public void close() {
                // the stored file itself: nothing to clean up
            }
        };
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path path = resolve(key);
        boolean deleted = Files.deleteIfExists(path);
        Path parent = path.getParent();
        if (deleted && !parent.equals(root)) {
            try {
                Files.deleteIfExists(parent); // only succeeds once the user's folder is empty
            } catch (IOException notEmpty) {
                // other documents of the same user remain
            }
        }
        return deleted;
    }

    @Override
    public Availability availability() {
        return Files.isDirectory(root) && Files.isWritable(root)
                ? Availability.up(root.toString())
                : Availability.down(root.toString(), "not a writable directory");
    }

    Path resolve(String key) {
        if (BlobKeys.requireValid(key).startsWith(STAGING)) {
            throw new IllegalArgumentException("Invalid blob key: " + key);
        }
        return root.resolve(key);
    }

    /**
     * Old staging files are leftovers of puts cut short by a crash (recent ones may belong to another instance
     * sharing the volume, mid-upload).
     */
    private void sweepStaging() {
        Instant cutoff = Instant.now().minus(Duration.ofHours(1));
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(staging, "*.part")) {
            for (Path leftover : leftovers) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not sweep %s: %s", staging, e.getMessage());
        }
    }
}
