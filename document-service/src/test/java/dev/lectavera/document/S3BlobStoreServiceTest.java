package dev.lectavera.document;

import dev.lectavera.document.blob.S3BlobStore;
import dev.lectavera.document.config.BlobsConfig;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.OpenAiEmbeddingsStub;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.document.support.Api.as;
import static dev.lectavera.testsupport.ops.Management.management;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code lectavera.documents.blobs.store=s3} (the s3rver of dev/stack, application.properties' %test
 * settings) an upload is stored in the bucket, indexed from it, downloaded from it and deleted from it; the
 * blob directory is not used.
 */
@QuarkusTest
@TestProfile(S3BlobStoreServiceTest.S3Store.class)
class S3BlobStoreServiceTest {

    public static class S3Store implements QuarkusTestProfile {
        // a restarted application embeds with the stand-in for the OpenAI API (see DeadlineTest)
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiEmbeddingsStub.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lectavera.documents.blobs.store", "s3");
        }
    }

    private final S3BlobStore bucket;
    private final BlobsConfig config;

    S3BlobStoreServiceTest(S3BlobStore bucket, BlobsConfig config) {
        this.bucket = bucket;
        this.config = config;
    }

    @Test
    void anUploadIsIndexedDownloadedAndDeletedThroughTheBucket() throws Exception {
        Users user = Users.random();
        byte[] pdf = TestPdfs.pages("Glaciers carve valleys. " + TestPdfs.filler(new Random(), 25));

        UUID id = Api.uploadNew(user, pdf, "glaciers.pdf");

        assertEquals("INDEXED", Api.awaitFinalStatus(user, id));
        String key = user.id() + "/" + id + ".pdf";
        assertTrue(bucket.exists(key));
        assertFalse(Files.exists(config.directory().resolve(user.id().toString())), "nothing in the blob directory");
        byte[] downloaded = as(user).get("/api/v1/documents/{id}/file", id).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(pdf, downloaded);
        management().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'blob-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'blob-store' }.data.location", startsWith("s3://lectavera-documents-test"))
                .body("checks.name", hasItem("blob-store"));

        as(user).delete("/api/v1/documents/{id}", id).then().statusCode(204);

        assertFalse(bucket.exists(key));
    }
}
