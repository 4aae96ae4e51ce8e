package dev.lectavera.document;

import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.events.DocumentDeleted;
import dev.lectavera.contracts.events.DocumentUpdated;
import dev.lectavera.document.blob.FileSystemBlobStore;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import java.util.UUID;

import static dev.lectavera.document.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** List, get, patch, download and delete; ownership on every route. */
@QuarkusTest
class DocumentManagementTest {

    private final FileSystemBlobStore blobs;
    private final RedisDataSource redis;
    private final AgroalDataSource dataSource;

    DocumentManagementTest(FileSystemBlobStore blobs, RedisDataSource redis, AgroalDataSource dataSource) {
        this.blobs = blobs;
        this.redis = redis;
        this.dataSource = dataSource;
    }

    private static byte[] smallPdf(String topic) {
        return TestPdfs.pages(topic + " " + TestPdfs.filler(new Random(), 25));
    }

    private static UUID upload(Users user, byte[] pdf, String name, String title, String category, String tags) {
        var request = as(user).multiPart("file", name, pdf, "application/pdf");
        if (title != null) {
            request.multiPart("title", title);
        }
        if (category != null) {
            request.multiPart("category", category);
        }
        if (tags != null) {
            request.multiPart("tags", tags);
        }
        return UUID.fromString(request.post("/api/v1/documents").then().statusCode(202).extract().path("id"));
    }

    @Test
    void listFiltersAndPages() {
        Users user = Users.random();
        UUID bio = upload(user, smallPdf("Biology"), "b.pdf", "Biology notes", "science", "exam,cells");
        UUID chem = upload(user, smallPdf("Chemistry"), "c.pdf", "Chemistry notes", "Science", "exam");
        UUID poem = upload(user, smallPdf("Poetry"), "p.pdf", "Poems 100% free_verse", "literature", null);
        for (UUID id : new UUID[] {bio, chem, poem}) {
            Api.awaitFinalStatus(user, id);
        }
        as(user).get("/api/v1/documents/{id}", bio).then().statusCode(200)
                .body("tags", contains("exam", "cells"))
                .body("category", equalTo("science"));

        as(user).get("/api/v1/documents").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(poem.toString(), chem.toString(), bio.toString())); // newest first
        as(user).queryParam("category", "SCIENCE").get("/api/v1/documents").then()
                .body("items.id", containsInAnyOrder(bio.toString(), chem.toString()));
        as(user).queryParam("tag", "cells").get("/api/v1/documents").then()
                .body("items.id", contains(bio.toString()));
        as(user).queryParam("q", "notes").queryParam("tag", "exam").get("/api/v1/documents").then()
                .body("total", equalTo(2));
        as(user).queryParam("q", "100%").get("/api/v1/documents").then()
                .body("items.id", contains(poem.toString()));
        as(user).queryParam("q", "_").get("/api/v1/documents").then()
                .body("items.id", contains(poem.toString())); // LIKE wildcards are literal
        as(user).queryParam("size", 2).queryParam("page", 1).get("/api/v1/documents").then()
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("items.id", contains(bio.toString()));
        as(user).queryParam("size", 0).get("/api/v1/documents").then().statusCode(400);

        // archived documents leave the default list and the default search scope
        as(user).contentType(ContentType.JSON).body("{\"archived\":true}").patch("/api/v1/documents/{id}", poem)
                .then().statusCode(200).body("archived", equalTo(true));
        as(user).get("/api/v1/documents").then().body("total", equalTo(2));
        as(user).queryParam("archived", true).get("/api/v1/documents").then()
                .body("items.id", contains(poem.toString()));
        as(user).queryParam("archived", "maybe").get("/api/v1/documents").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("archived"));
        Api.search(user, "{\"query\":\"Poetry\"}").statusCode(200)
                .body("results.documentId", org.hamcrest.Matchers.not(hasItem(poem.toString())));
        Api.search(user, "{\"query\":\"Poetry\",\"documentIds\":[\"" + poem + "\"]}").statusCode(200)
                .body("results.documentId", hasItem(poem.toString()));
    }

    @Test
    void patchChangesMetadataBumpsTheVersionAndEmitsDocumentUpdated() throws Exception {
        Users user = Users.random();
        UUID id = upload(user, smallPdf("History"), "h.pdf", null, null, null);
        Api.awaitFinalStatus(user, id);
        long version = ((Number) as(user).get("/api/v1/documents/{id}", id).then().extract().path("version"))
                .longValue();

        as(user).contentType(ContentType.JSON)
                .body("{\"title\":\"  Modern History \",\"category\":\"humanities\",\"tags\":[\"wars\",\"wars\",\"1900s\"]}")
                .patch("/api/v1/documents/{id}", id).then().statusCode(200)
                .body("title", equalTo("Modern History"))
                .body("category", equalTo("humanities"))
                .body("tags", contains("wars", "1900s"))
                .body("version", equalTo((int) version + 1));
        // an empty patch changes nothing
        as(user).contentType(ContentType.JSON).body("{}").patch("/api/v1/documents/{id}", id).then()
                .statusCode(200).body("version", equalTo((int) version + 1));
        // bad input: 400 naming the field, nothing changed
        as(user).contentType(ContentType.JSON).body("{\"title\":\"   \"}").patch("/api/v1/documents/{id}", id)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem(containsString("title")));
        as(user).contentType(ContentType.JSON).body("{\"colour\":\"red\"}").patch("/api/v1/documents/{id}", id)
                .then().statusCode(400);
        // wrong-shaped JSON: problem+json too, naming the field when there is one
        as(user).contentType(ContentType.JSON).body("[]").patch("/api/v1/documents/{id}", id)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        as(user).contentType(ContentType.JSON).body("{\"tags\":\"wars\"}").patch("/api/v1/documents/{id}", id)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("field", equalTo("tags"));
        as(user).get("/api/v1/documents/{id}", id).then().body("title", equalTo("Modern History"));

        DocumentUpdated updated = (DocumentUpdated) latestOutboxEvent(id, "lectavera.document.updated.v1");
        assertEquals(version + 1, updated.version());
        assertEquals("Modern History", updated.title());
        assertEquals(user.id(), updated.userId());
    }

    @Test
    void downloadReturnsTheOriginalBytes() {
        Users user = Users.random();
        byte[] pdf = smallPdf("Geography");
        UUID id = upload(user, pdf, "maps.pdf", "Maps & Rivers", null, null);
        byte[] downloaded = as(user).get("/api/v1/documents/{id}/file", id).then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("filename=\"Maps & Rivers.pdf\""))
                .extract().asByteArray();
        assertArrayEquals(pdf, downloaded);
        Api.awaitFinalStatus(user, id);
    }

    @Test
    void anotherUsersDocumentIs404OnEveryRoute() {
        Users owner = Users.random();
        Users stranger = Users.random();
        UUID id = upload(owner, smallPdf("Astronomy"), "a.pdf", null, null, null);
        Api.awaitFinalStatus(owner, id);

        as(stranger).get("/api/v1/documents/{id}", id).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        as(stranger).get("/api/v1/documents/{id}/status", id).then().statusCode(404);
        as(stranger).get("/api/v1/documents/{id}/file", id).then().statusCode(404);
        as(stranger).get("/api/v1/documents/{id}/pages/1", id).then().statusCode(404);
        as(stranger).contentType(ContentType.JSON).body("{\"title\":\"mine\"}").patch("/api/v1/documents/{id}", id)
                .then().statusCode(404);
        as(stranger).delete("/api/v1/documents/{id}", id).then().statusCode(404);
        as(stranger).get("/api/v1/documents").then().body("total", equalTo(0));
        Api.search(stranger, "{\"query\":\"Astronomy\",\"documentIds\":[\"" + id + "\"]}").statusCode(200)
                .body("results.size()", equalTo(0));
        // untouched for its owner
        as(owner).get("/api/v1/documents/{id}", id).then().statusCode(200).body("version", equalTo(2));
        as(owner).get("/api/v1/documents/{id}/pages/2", id).then().statusCode(404); // one page only
        as(owner).get("/api/v1/documents/not-a-uuid").then().statusCode(404);
    }

    @Test
    void deleteRemovesFilePagesChunksVectorsAndCachedState() throws Exception {
        Users user = Users.random();
        UUID id = upload(user, smallPdf("Economics"), "e.pdf", null, null, null);
        Api.awaitFinalStatus(user, id);
        String blobKey = user.id() + "/" + id + ".pdf";
        assertTrue(blobs.exists(blobKey));
        String hash = firstChunkHash(id);
        assertEquals(1, Db.count("select count(*) from embedding_cache where text_hash = ?", hash));

        as(user).delete("/api/v1/documents/{id}", id).then().statusCode(204);

        as(user).get("/api/v1/documents/{id}", id).then().statusCode(404);
        assertEquals(0, Db.count("select count(*) from document where id = ?", id));
        assertEquals(0, Db.count("select count(*) from document_page where document_id = ?", id));
        assertEquals(0, Db.count("select count(*) from chunk where document_id = ?", id));
        assertEquals(0, Db.count("select count(*) from embedding_cache where text_hash = ?", hash));
        assertFalse(blobs.exists(blobKey));
        assertFalse(Files.exists(blobs.root().resolve(user.id().toString())));
        assertEquals(0, redis.key(String.class).exists("lv:doc:status:" + id) ? 1 : 0);
        DocumentDeleted deleted = (DocumentDeleted) latestOutboxEvent(id, "lectavera.document.deleted.v1");
        assertEquals(user.id(), deleted.userId());
        Api.search(user, "{\"query\":\"Economics\"}").statusCode(200).body("results.size()", equalTo(0));
        as(user).delete("/api/v1/documents/{id}", id).then().statusCode(404);
    }

    @Test
    void callsWithoutAValidTokenAre401AndTheRequestIdIsEchoed() {
        given().get("/api/v1/documents").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").get("/api/v1/documents").then().statusCode(401);
        Users user = Users.random();
        as(user).header("X-Request-Id", "req-42").get("/api/v1/documents").then().statusCode(200)
                .header("X-Request-Id", "req-42");
    }

    @Test
    void searchValidatesItsRequest() {
        Users user = Users.random();
        Api.search(user, "{\"query\":\"\"}").statusCode(400).body("violations.field", hasItem(containsString("query")));
        Api.search(user, "{\"query\":\"" + "x".repeat(1001) + "\"}").statusCode(400);
        Api.search(user, "{\"query\":\"cells\",\"topK\":0}").statusCode(400)
                .body("violations.field", hasItem(containsString("topK")));
        Api.search(user, "{\"query\":\"cells\",\"topK\":51}").statusCode(400);
        Api.search(user, "{\"query\":\"cells\",\"unknown\":1}").statusCode(400);
        Api.search(user, "{\"query\":\"cells\"}").statusCode(200).body("results.size()", equalTo(0));
    }

    private String firstChunkHash(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select text_hash from chunk where document_id = ? limit 1")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private Object latestOutboxEvent(UUID id, String type) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select envelope from outbox_event where record_key = ? and event_type = ?
                     order by created_at desc limit 1""")) {
            select.setString(1, id.toString());
            select.setString(2, type);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "no " + type + " in the outbox");
                return EventJson.read(rs.getString(1)).data();
            }
        }
    }
}
