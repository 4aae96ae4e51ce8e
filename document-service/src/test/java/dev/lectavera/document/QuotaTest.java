package dev.lectavera.document;

import dev.lectavera.document.blob.FileSystemBlobStore;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.OpenAiEmbeddingsStub;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static dev.lectavera.document.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-user quota, with a small one: 300 KB and 3 documents. */
@QuarkusTest
@TestProfile(QuotaTest.SmallQuota.class)
class QuotaTest {

    public static class SmallQuota implements QuarkusTestProfile {
        // the local model's native tokenizer loads once per JVM: a restarted application (a test profile) uses
        // the stand-in for the OpenAI API
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiEmbeddingsStub.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lectavera.documents.quota.max-bytes", "300K",
                    "lectavera.documents.quota.max-documents", "3");
        }
    }

    private static final int QUOTA_BYTES = 300 * 1024;

    private final FileSystemBlobStore blobs;

    QuotaTest(FileSystemBlobStore blobs) {
        this.blobs = blobs;
    }

    private long filesOf(Users user) throws Exception {
        Path folder = blobs.root().resolve(user.id().toString());
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void anUploadDeclaredOverTheRemainingBytesIsAnsweredBeforeItsBodyIsSent() throws Exception {
        Users user = Users.random();
        int declared = 900 * 1024; // under the 1 MB size limit, over the 300 KB quota
        String boundary = "lv-" + UUID.randomUUID();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000); // a server waiting for the body would make this read time out
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/documents HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + user.token() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + declared + "\r\n\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII));
            out.flush(); // and nothing more: the rest of the body never comes
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String statusLine = in.readLine();
            assertTrue(statusLine.startsWith("HTTP/1.1 413"), statusLine);
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line.toLowerCase());
            }
            assertTrue(headers.contains("content-type: application/problem+json"), headers.toString());
            char[] body = new char[4096];
            String json = new String(body, 0, in.read(body));
            assertTrue(json.contains("\"code\":\"quota_exceeded\""), json);
            assertTrue(json.contains("\"bytesQuota\":" + QUOTA_BYTES), json);
            assertTrue(json.contains("\"bytesUsed\":0"), json);
        }
        assertEquals(0, Db.count("select count(*) from document where user_id = ?", user.id()));
        assertEquals(0, filesOf(user));
    }

    @Test
    void theDocumentCountIsEnforcedWith409AndTheFigures() {
        Users user = Users.random();
        for (int i = 0; i < 3; i++) {
            Api.uploadNew(user, TestPdfs.pages("Document " + i + ". " + TestPdfs.filler(new Random(), 20)), i + ".pdf");
        }
        Api.upload(user, TestPdfs.pages("One too many. " + TestPdfs.filler(new Random(), 20)), "4.pdf")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("quota_exceeded"))
                .body("type", equalTo("urn:lectavera:problem:quota-exceeded"))
                .body("documents", equalTo(3))
                .body("documentsQuota", equalTo(3));
        assertEquals(3, Db.count("select count(*) from document where user_id = ?", user.id()));
        as(user).get("/api/v1/documents/usage").then().statusCode(200)
                .body("documents", equalTo(3)).body("documentsQuota", equalTo(3));
    }

    @Test
    void twoParallelUploadsCannotBothTakeTheLastRoom() throws Exception {
        Users user = Users.random();
        byte[] first = TestPdfs.ofSize("First large handout.", 200 * 1024);
        byte[] second = TestPdfs.ofSize("Second large handout.", 200 * 1024);
        CountDownLatch start = new CountDownLatch(1);
        // RestAssured sends multipart chunked (no Content-Length): only the check at insert can refuse
        List<CompletableFuture<Integer>> uploads = Stream.of(first, second).map(pdf -> CompletableFuture.supplyAsync(
                () -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return Api.upload(user, pdf, "handout.pdf").extract().statusCode();
                })).toList();
        start.countDown();
        List<Integer> statuses = new ArrayList<>(uploads.stream().map(CompletableFuture::join).toList());
        statuses.sort(null);
        assertEquals(List.of(202, 413), statuses);
        assertEquals(1, Db.count("select count(*) from document where user_id = ?", user.id()));
        assertEquals(1, filesOf(user), "the refused upload's file is deleted");
        long stored = Db.count("select size_bytes from document where user_id = ?", user.id());
        assertTrue(stored == first.length || stored == second.length);
        as(user).get("/api/v1/documents/usage").then().body("bytesUsed", equalTo((int) stored));
    }

    @Test
    void aFailedDocumentsBytesAreFreedButItStillCountsAsADocument() throws Exception {
        Users user = Users.random();
        UUID failed = Api.uploadNew(user, TestPdfs.ofSize("", 200 * 1024), "no-text.pdf"); // no text: FAILED
        assertEquals("FAILED", Api.awaitFinalStatus(user, failed));
        assertEquals(0, filesOf(user));
        // 200 KB more fits only because the failed file no longer counts
        Api.uploadNew(user, TestPdfs.ofSize("A handout that fits.", 200 * 1024), "fits.pdf");
        as(user).get("/api/v1/documents/usage").then().body("documents", equalTo(2));
        Api.upload(user, TestPdfs.ofSize("This one does not.", 200 * 1024), "too-much.pdf")
                .statusCode(413)
                .body("code", equalTo("quota_exceeded"))
                .body("fileBytes", org.hamcrest.Matchers.greaterThan(200 * 1024));
        assertFalse(Db.count("select count(*) from document where user_id = ?", user.id()) > 2);
    }
}
