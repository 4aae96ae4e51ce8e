package dev.lectavera.document;

import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.DocumentFailed;
import dev.lectavera.document.blob.FileSystemBlobStore;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import dev.lectavera.testsupport.kafka.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.document.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files that cannot be indexed end in a clear status or a 4xx, with nothing half-stored. */
@QuarkusTest
class BadUploadsTest {

    private final FileSystemBlobStore blobs;

    BadUploadsTest(FileSystemBlobStore blobs) {
        this.blobs = blobs;
    }

    private void assertNothingStored(Users user) {
        as(user).get("/api/v1/documents").then().statusCode(200).body("total", equalTo(0));
        assertEquals(0, Db.count("select count(*) from document where user_id = ?", user.id()));
        assertFalse(Files.exists(blobs.root().resolve(user.id().toString())), "no file left behind");
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedWith415() {
        Users user = Users.random();
        Api.upload(user, "just some notes, not a PDF".getBytes(StandardCharsets.UTF_8), "notes.pdf")
                .statusCode(415)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(415))
                .body("detail", containsString("not a PDF"));
        Api.upload(user, new byte[0], "empty.pdf").statusCode(415);
        assertNothingStored(user);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() {
        Users user = Users.random();
        byte[] big = new byte[(int) (1.5 * 1024 * 1024)]; // test limit: 1 MB
        new Random().nextBytes(big);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        Api.upload(user, big, "huge.pdf")
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413))
                .body("detail", containsString("limit is 1.0 MB"));
        assertNothingStored(user);
    }

    @Test
    void anUploadDeclaredFarOverTheLimitIsRefusedBeforeItsBodyIsRead() throws Exception {
        Users user = Users.random();
        byte[] huge = new byte[4 * 1024 * 1024]; // test limit: 1 MB
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 9);
        String boundary = "lv-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(huge);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/v1/documents"))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())) // sends Content-Length
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("the limit is 1.0 MB"), response.body());
        assertNothingStored(user);
    }

    @Test
    void aStreamedUploadWithoutLengthIsCutOffAtTheHttpLimit() {
        Users user = Users.random();
        byte[] huge = new byte[4 * 1024 * 1024]; // test max-body-size: 3 MB; RestAssured streams multipart chunked
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 9);
        Api.upload(user, huge, "huge.pdf").statusCode(413);
        assertNothingStored(user);
    }

    @Test
    void aMultipartBodyWithoutAnyPartIsRefusedWith400NotAnEmpty204() throws Exception {
        Users user = Users.random();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/documents"))
                        .header("Authorization", "Bearer " + user.token())
                        .header("Content-Type", "multipart/form-data; boundary=zzz")
                        .POST(HttpRequest.BodyPublishers.ofString("this is not multipart"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertNothingStored(user);
    }

    @Test
    void badFormFieldsAreRefusedWith400NamingTheField() {
        Users user = Users.random();
        as(user).multiPart("title", "no file here").post("/api/v1/documents").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("file"))
                .body("violations.in", hasItem("form"));
        as(user).multiPart("file", "x.pdf", TestPdfs.pages("Short text."), "application/pdf")
                .multiPart("title", "t".repeat(201))
                .post("/api/v1/documents").then()
                .statusCode(400)
                .body("violations.field", hasItem("title"));
        as(user).multiPart("file", "x.pdf", TestPdfs.pages("Short text."), "application/pdf")
                .multiPart("tags", "ok," + "t".repeat(41))
                .post("/api/v1/documents").then()
                .statusCode(400)
                .body("violations.field", hasItem("tags"));
        assertNothingStored(user);
    }

    @Test
    void aPasswordProtectedPdfFailsAndDocumentFailedIsPublished() {
        Users user = Users.random();
        UUID id = Api.uploadNew(user, TestPdfs.encrypted("Confidential lecture notes " + UUID.randomUUID()),
                "locked.pdf");
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failureReason", containsString("password-protected"));
        as(user).get("/api/v1/documents/{id}/status", id).then().statusCode(200)
                .body("failureReason", containsString("password-protected"));
        assertNoIndexLeft(id);

        var event = KafkaTopics.awaitEvent(Topics.DOCUMENTS,
                e -> e.data() instanceof DocumentFailed failed && failed.documentId().equals(id));
        DocumentFailed failed = (DocumentFailed) event.data();
        assertEquals("FAILED", failed.status());
        assertEquals(user.id(), failed.userId());
    }

    @Test
    void aTruncatedPdfFailsWithAReadableReason() {
        Users user = Users.random();
        byte[] whole = TestPdfs.pages("Page one " + UUID.randomUUID(), "Page two.", "Page three.");
        UUID id = Api.uploadNew(user, Arrays.copyOf(whole, whole.length * 2 / 3), "cut.pdf");
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then()
                .body("failureReason", containsString("incomplete"))
                .body("failureReason", notNullValue());
        assertNoIndexLeft(id);
    }

    /** Pictures with nothing legible on them: OCR (installed by dev/stack) ran and found no text. */
    @Test
    void anImageOnlyPdfWithoutLegibleTextFails() {
        Users user = Users.random();
        byte[] scan = TestPdfs.imageOnly(2);
        UUID id = Api.uploadNew(user, scan, "scan.pdf");
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then()
                .body("failureCode", equalTo("no_text"))
                .body("failureReason", containsString("OCR"))
                .body("pageCount", equalTo(2));
        assertNoIndexLeft(id);
    }

    @Test
    void aPdfWithoutAnyTextFails() {
        Users user = Users.random();
        UUID id = Api.uploadNew(user, TestPdfs.blankPages(3), "blank.pdf");
        assertEquals("FAILED", Api.awaitFinalStatus(user, id));
        as(user).get("/api/v1/documents/{id}", id).then()
                .body("failureReason", equalTo("The PDF contains no text to index."));
        assertNoIndexLeft(id);
        // never searchable
        Api.search(user, "{\"query\":\"anything\",\"documentIds\":[\"" + id + "\"]}").statusCode(200)
                .body("results.size()", equalTo(0));
    }

    private static void assertNoIndexLeft(UUID id) {
        assertEquals(0, Db.count("select count(*) from document_page where document_id = ?", id));
        assertEquals(0, Db.count("select count(*) from chunk where document_id = ?", id));
    }
}
