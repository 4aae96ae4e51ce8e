package dev.lectavera.quiz.support;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Calls the real document-service as the user: upload, wait for indexing, read a page, delete. */
public final class DocumentsApi {

    /** Indexing shares two cores with other test JVMs: generous, never a timing assertion. */
    public static final Duration INDEXING_TIMEOUT = Duration.ofSeconds(180);

    private DocumentsApi() {
    }

    private static RequestSpecification as(Users user) {
        return given().auth().oauth2(user.token());
    }

    /** An absolute URL of document-service (a full URL overrides RestAssured's port, set to quiz-service's). */
    private static String url(String path) {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.documents.url", String.class) + path;
    }

    /** Uploads a PDF and waits until document-service has indexed it. */
    public static UUID uploadIndexed(Users user, String title, List<String> pages) {
        UUID id = upload(user, title, pages);
        awaitStatus(user, id, "INDEXED");
        return id;
    }

    public static UUID upload(Users user, String title, List<String> pages) {
        byte[] pdf = StudyPdf.pdf(title, pages);
        String id = as(user).multiPart("file", title.replace(' ', '-') + ".pdf", pdf, "application/pdf")
                .multiPart("title", title)
                .post(url("/api/v1/documents")).then().statusCode(202).extract().path("id");
        return UUID.fromString(id);
    }

    public static void awaitStatus(Users user, UUID id, String expected) {
        await("document " + id + " " + expected).atMost(INDEXING_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String status = as(user).get(url("/api/v1/documents/{id}/status"), id).then().statusCode(200)
                            .extract().path("status");
                    if (status.equals(expected)) {
                        return true;
                    }
                    if (status.equals("FAILED") || status.equals("NEEDS_OCR") || status.equals("INDEXED")) {
                        throw new IllegalStateException("document " + id + " ended " + status + ", not " + expected);
                    }
                    return false;
                });
    }

    public static String status(Users user, UUID id) {
        return as(user).get(url("/api/v1/documents/{id}/status"), id).then().statusCode(200).extract().path("status");
    }

    public static String pageText(Users user, UUID id, int page) {
        return as(user).get(url("/api/v1/documents/{id}/pages/{page}"), id, page).then().statusCode(200)
                .extract().path("text");
    }

    public static void delete(Users user, UUID id) {
        as(user).delete(url("/api/v1/documents/{id}"), id).then().statusCode(204);
    }
}
