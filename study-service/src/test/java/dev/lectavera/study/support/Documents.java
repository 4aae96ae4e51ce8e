package dev.lectavera.study.support;

import dev.lectavera.testsupport.process.DocumentServiceForTests;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Calls to the real document-service, as a user. */
public final class Documents {

    /** Indexing shares two cores with other test JVMs: generous, never a timing assertion. */
    public static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(180);

    private Documents() {
    }

    private static RequestSpecification as(Users user) {
        return given().auth().oauth2(user.token());
    }

    /** Full URLs: RestAssured's default port belongs to the application under test. */
    private static String url(String path) {
        return DocumentServiceForTests.get().baseUrl() + path;
    }

    public static UUID upload(Users user, byte[] pdf) {
        String id = as(user).multiPart("file", "notes-" + UUID.randomUUID() + ".pdf", pdf, "application/pdf")
                .post(url("/api/v1/documents")).then().statusCode(202).extract().path("id");
        return UUID.fromString(id);
    }

    /** Uploads and waits until processing ended; returns the final status (INDEXED or FAILED). */
    public static String uploadAndWait(Users user, byte[] pdf, UUID[] idOut) {
        UUID id = upload(user, pdf);
        idOut[0] = id;
        return awaitFinalStatus(user, id);
    }

    /** Uploads the biology PDF and waits for it to be INDEXED. */
    public static UUID indexedBiology(Users user) {
        UUID id = upload(user, TestPdfs.biology());
        String status = awaitFinalStatus(user, id);
        if (!"INDEXED".equals(status)) {
            throw new IllegalStateException("document " + id + " ended " + status);
        }
        return id;
    }

    public static String awaitFinalStatus(Users user, UUID id) {
        String[] last = new String[1];
        await("document " + id + " processed").atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    last[0] = as(user).get(url("/api/v1/documents/{id}"), id).then().statusCode(200)
                            .extract().path("status");
                    return !last[0].equals("QUEUED") && !last[0].equals("PROCESSING");
                });
        return last[0];
    }

    public static String pageText(Users user, UUID id, int page) {
        return as(user).get(url("/api/v1/documents/{id}/pages/{page}"), id, page).then().statusCode(200)
                .extract().path("text");
    }

    public static long version(Users user, UUID id) {
        return ((Number) as(user).get(url("/api/v1/documents/{id}"), id).then().statusCode(200)
                .extract().path("version")).longValue();
    }

    public static void delete(Users user, UUID id) {
        as(user).delete(url("/api/v1/documents/{id}"), id).then().statusCode(204);
    }

    public static void rename(Users user, UUID id, String title) {
        as(user).contentType(ContentType.JSON).body("{\"title\":\"" + title + "\"}")
                .patch(url("/api/v1/documents/{id}"), id).then().statusCode(200);
    }
}
