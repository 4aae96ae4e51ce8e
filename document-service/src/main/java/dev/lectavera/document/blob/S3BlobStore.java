package dev.lectavera.document.blob;

import dev.lectavera.document.config.BlobsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Blobs as objects of one bucket on any S3-compatible server, so every replica sees every file. A file that fits
 * in one part is one PUT; a larger one is a multipart upload that holds one part in memory at a time and is
 * aborted when the stream fails, so a key never names half a file. Typed to itself and a singleton like
 * {@link FileSystemBlobStore}.
 */
@Singleton
@Typed(S3BlobStore.class)
public class S3BlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(S3BlobStore.class);
    private static final int NOT_FOUND = 404;

    private final S3Client s3;
    private final String bucket;
    private final String location;
    private final int partSize;
    private final boolean createBucket;
    /** Set once the bucket was seen (or made): until then readiness retries, creating it when allowed. */
    private volatile boolean bucketReady;

    S3BlobStore(BlobsConfig config) {
        BlobsConfig.S3 s3Config = config.s3();
        this.bucket = s3Config.bucket();
        this.location = "s3://" + bucket + s3Config.endpoint().map(endpoint -> " at " + endpoint).orElse("");
        this.partSize = Math.toIntExact(s3Config.partSize().asLongValue());
        this.createBucket = s3Config.createBucket();
        if (partSize < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("lectavera.documents.blobs.s3.part-size must be at least 5M (S3's smallest part)");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(s3Config.region()))
                .forcePathStyle(s3Config.pathStyleAccess())
                .credentialsProvider(credentials(s3Config))
                // Plain bodies, signed whole (each is one in-memory part), and checksums only where S3 requires them:
                // S3-compatible servers do not all know aws-chunked bodies or the newer checksum headers.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(override -> override.apiCallTimeout(s3Config.callTimeout()));
        s3Config.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
        ensureBucket();
        LOG.infof("Blobs are stored in %s", location);
    }

    private static AwsCredentialsProvider credentials(BlobsConfig.S3 config) {
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @PreDestroy
    void close() {
        s3.close();
    }

    @Override
    public long put(String key, InputStream content) throws IOException {
        if (head(key)) {
            throw new FileAlreadyExistsException(key);
        }
        byte[] first = content.readNBytes(partSize);
        if (first.length < partSize) {
            call(() -> s3.putObject(put -> put.bucket(bucket).key(key), body(first, first.length)));
            return first.length;
        }
        return putInParts(key, first, content);
    }

    private long putInParts(String key, byte[] first, InputStream content) throws IOException {
        String uploadId = call(() -> s3.createMultipartUpload(create -> create.bucket(bucket).key(key)).uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] part = first;
            long written = 0;
            while (part.length > 0) {
                int number = parts.size() + 1;
                byte[] bytes = part;
                String etag = call(() -> s3.uploadPart(upload -> upload.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(number), body(bytes, bytes.length)).eTag());
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                written += part.length;
                part = content.readNBytes(partSize);
            }
            call(() -> s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts))));
            return written;
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed); // the bucket's lifecycle rule for incomplete uploads cleans it up
            }
            throw e;
        }
    }

    /** A body over the buffer itself (no copy), read afresh for signing and for each retry. */
    private static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                "application/octet-stream");
    }

    @Override
    public InputStream open(String key) throws IOException {
        BlobKeys.requireValid(key);
        try {
            return s3.getObject(get -> get.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                throw new NoSuchFileException(key);
            }
            throw new IOException("Blob " + key + " could not be read from " + location, e);
        } catch (SdkException e) {
            throw new IOException("Blob " + key + " could not be read from " + location, e);
        }
    }

    @Override
    public LocalFile localFile(String key) throws IOException {
        Path copy = Files.createTempFile("lectavera-blob-", ".tmp");
        try (InputStream in = open(key)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new LocalFile() {
            @Override
            public Path path() {
                return copy;
            }

            @Override
            public void close() {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    LOG.warnf("Temporary copy %s could not be deleted: %s", copy, e.getMessage());
                }
            }
        };
    }

    @Override
    public boolean exists(String key) {
        try {
            return head(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean head(String key) throws IOException {
        BlobKeys.requireValid(key);
        try {
            s3.headObject(head -> head.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw new IOException("Blob " + key + " could not be checked in " + location + ": " + problem(e), e);
        } catch (SdkException e) {
            throw new IOException("Blob " + key + " could not be checked in " + location + ": " + problem(e), e);
        }
    }

    /** S3 deletes answer the same whether the object existed or not: a HEAD first tells which. */
    @Override
    public boolean delete(String key) throws IOException {
        boolean existed = head(key);
        if (existed) {
            call(() -> s3.deleteObject(delete -> delete.bucket(bucket).key(key)));
        }
        return existed;
    }

    @Override
    public Availability availability() {
        if (!bucketReady) {
            ensureBucket();
        }
        try {
            s3.headBucket(head -> head.bucket(bucket));
            return Availability.up(location);
        } catch (SdkException e) {
            return Availability.down(location, problem(e));
        }
    }

    /** A bucket that cannot be reached or made yet is not fatal: readiness stays DOWN and tries again. */
    private void ensureBucket() {
        try {
            s3.headBucket(head -> head.bucket(bucket));
            bucketReady = true;
        } catch (NoSuchBucketException missing) {
            if (createBucket) {
                createBucketQuietly();
            } else {
                LOG.warnf("Bucket %s does not exist (lectavera.documents.blobs.s3.create-bucket is false)", location);
            }
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND && createBucket) {
                createBucketQuietly();
            } else {
                LOG.warnf("Bucket %s is not reachable: %s", location, problem(e));
            }
        } catch (SdkException e) {
            LOG.warnf("Bucket %s is not reachable: %s", location, problem(e));
        }
    }

    private void createBucketQuietly() {
        try {
            s3.createBucket(create -> create.bucket(bucket));
            bucketReady = true;
            LOG.infof("Created bucket %s", location);
        } catch (SdkException e) {
            LOG.warnf("Bucket %s could not be created: %s", location, problem(e));
        }
    }

    private static String problem(SdkException e) {
        return e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                ? s3.statusCode() + " " + s3.awsErrorDetails().errorCode()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The SDK's exceptions are unchecked; callers of a store expect an IOException for a failed transfer. */
    private <T> T call(SdkCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw new IOException("S3 call to " + location + " failed: " + problem(e), e);
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T run();
    }
}
