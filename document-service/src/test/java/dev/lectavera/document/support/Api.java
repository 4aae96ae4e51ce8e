package dev.lectavera.document.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** REST calls the tests make, as a user. */
public final class Api {

    /** Processing shares two cores with other test JVMs: generous, never a timing assertion. */
    public static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(120);

    private Api() {
    }

    public static RequestSpecification as(Users user) {
        return given().auth().oauth2(user.token());
    }

    public static ValidatableResponse upload(Users user, byte[] pdf, String filename) {
        return as(user).multiPart("file", filename, pdf, "application/pdf").post("/api/v1/documents").then();
    }

    /** Uploads and returns the new document's id (asserting 202). */
    public static UUID uploadNew(Users user, byte[] pdf, String filename) {
        return UUID.fromString(upload(user, pdf, filename).statusCode(202).extract().path("id"));
    }

    public static String status(Users user, UUID id) {
        return as(user).get("/api/v1/documents/{id}/status", id).then().statusCode(200).extract().path("status");
    }

    /** Waits until processing ended and returns the final status. */
    public static String awaitFinalStatus(Users user, UUID id) {
        String[] last = new String[1];
        await().atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = status(user, id);
            return !last[0].equals("QUEUED") && !last[0].equals("PROCESSING");
        });
        return last[0];
    }

    public static ValidatableResponse search(Users user, String json) {
        return as(user).contentType(ContentType.JSON).body(json).post("/api/v1/documents/search").then();
    }
}
