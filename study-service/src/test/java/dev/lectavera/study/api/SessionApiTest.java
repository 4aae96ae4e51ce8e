package dev.lectavera.study.api;

import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.OutboxRows;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.lectavera.study.support.StudyTest.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Sessions over REST: CRUD, validation, ownership, archiving. One indexed document is shared (read-only). */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionApiTest {

    private static final String PROBLEM = "application/problem+json";

    private final OutboxRows outbox;
    private Users owner;
    private UUID document;

    SessionApiTest(AgroalDataSource dataSource) {
        this.outbox = new OutboxRows(dataSource);
    }

    @BeforeAll
    void indexOneDocument() {
        owner = Users.random();
        document = Documents.indexedBiology(owner);
    }

    @Test
    void createListGetPatchAndDelete() {
        StudyApi api = api();
        String location = api.createSession(owner, "  Cells  ", List.of(document)).statusCode(201)
                .header("Location", containsString("/api/v1/study/sessions/"))
                .body("title", equalTo("Cells"))
                .body("documentIds", equalTo(List.of(document.toString())))
                .body("status", equalTo("ACTIVE"))
                .body("messageCount", equalTo(0))
                .body("archivedAt", nullValue())
                .extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        api.as(owner).get(api.url("/api/v1/study/sessions?size=100")).then().statusCode(200)
                .body("items.id", hasItem(id.toString()))
                .body("total", notNullValue());
        api.as(owner).get(api.url("/api/v1/study/sessions?status=archived")).then().statusCode(200);
        api.session(owner, id).statusCode(200).body("id", equalTo(id.toString()));

        api.as(owner).contentType(ContentType.JSON).body("{\"title\":\"Cells, again\"}")
                .patch(api.url("/api/v1/study/sessions/" + id)).then().statusCode(200)
                .body("title", equalTo("Cells, again"))
                .body("documentIds", hasSize(1));
        api.as(owner).contentType(ContentType.JSON)
                .body("{\"documentIds\":[\"" + document + "\",\"" + document + "\"]}")
                .patch(api.url("/api/v1/study/sessions/" + id)).then().statusCode(200)
                .body("documentIds", equalTo(List.of(document.toString())))
                .body("title", equalTo("Cells, again"));

        api.as(owner).delete(api.url("/api/v1/study/sessions/" + id)).then().statusCode(204);
        api.session(owner, id).statusCode(404);
        api.as(owner).delete(api.url("/api/v1/study/sessions/" + id)).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        StudyApi api = api();
        api.createSession(owner, " ", List.of(document)).statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(containsString("title")));
        api.createSession(owner, "x".repeat(201), List.of(document)).statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(containsString("title")));
        api.createSession(owner, "t", List.of()).statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(containsString("documentIds")));
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(UUID.randomUUID());
        }
        api.createSession(owner, "t", tooMany).statusCode(400).contentType(PROBLEM);
        api.as(owner).contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"documentIds\":[\"" + document + "\"],\"color\":\"red\"}")
                .post(api.url("/api/v1/study/sessions")).then().statusCode(400).contentType(PROBLEM);
        api.as(owner).contentType(ContentType.JSON).body("{\"title\":\"t\",\"documentIds\":[\"nope\"]}")
                .post(api.url("/api/v1/study/sessions")).then().statusCode(400).contentType(PROBLEM);
        // wrong-shaped JSON: not an object, or a field of the wrong type
        api.as(owner).contentType(ContentType.JSON).body("[]")
                .post(api.url("/api/v1/study/sessions")).then().statusCode(400).contentType(PROBLEM);
        api.as(owner).contentType(ContentType.JSON).body("{\"title\":[\"t\"],\"documentIds\":[\"" + document + "\"]}")
                .post(api.url("/api/v1/study/sessions")).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("title"));

        UUID session = api.newSession(owner, document);
        api.ask(owner, session, "").statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(containsString("content")));
        api.ask(owner, session, "   ").statusCode(400).contentType(PROBLEM);
        api.ask(owner, session, "x".repeat(4001)).statusCode(400).contentType(PROBLEM);
        api.messages(owner, session, "?after=not-an-id").statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("after"));
        api.messages(owner, session, "?after=" + UUID.randomUUID()).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("unknown_message"));
        api.messages(owner, session, "?limit=0").statusCode(400).contentType(PROBLEM);
        api.as(owner).get(api.url("/api/v1/study/sessions?status=SOMETIMES")).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("status"));
        // nothing half-stored by the rejected questions
        api.session(owner, session).statusCode(200).body("messageCount", equalTo(0));
    }

    @Test
    void documentsMustBeTheCallersAndIndexed() {
        StudyApi api = api();
        UUID unknown = UUID.randomUUID();
        api.createSession(owner, "t", List.of(document, unknown)).statusCode(404).contentType(PROBLEM)
                .body("documentId", equalTo(unknown.toString()))
                .body("detail", containsString(unknown.toString()));
        // another user's document is simply not found
        api.createSession(Users.random(), "t", List.of(document)).statusCode(404).contentType(PROBLEM)
                .body("documentId", equalTo(document.toString()));

        // a scan without text never becomes INDEXED (document-service ends it FAILED or NEEDS_OCR)
        UUID[] unreadable = new UUID[1];
        String status = Documents.uploadAndWait(owner, TestPdfs.imageOnly(), unreadable);
        assertNotEquals("INDEXED", status);
        api.createSession(owner, "t", List.of(document, unreadable[0])).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("document_not_indexed"))
                .body("documentId", equalTo(unreadable[0].toString()))
                .body("documentStatus", equalTo(status))
                .body("detail", containsString(unreadable[0].toString()));
    }

    @Test
    void anotherUsersSessionIsNotFoundOnEveryRoute() {
        StudyApi api = api();
        UUID session = api.newSession(owner, document);
        Users stranger = Users.random();
        String base = "/api/v1/study/sessions/" + session;
        api.as(stranger).get(api.url(base)).then().statusCode(404).contentType(PROBLEM);
        api.as(stranger).contentType(ContentType.JSON).body("{\"title\":\"mine now\"}").patch(api.url(base))
                .then().statusCode(404);
        api.as(stranger).post(api.url(base + "/archive")).then().statusCode(404);
        api.as(stranger).get(api.url(base + "/messages")).then().statusCode(404);
        api.as(stranger).get(api.url(base + "/history")).then().statusCode(404);
        api.ask(stranger, session, "What does the mitochondrion produce?").statusCode(404);
        api.as(stranger).delete(api.url(base)).then().statusCode(404);
        api.as(stranger).get(api.url("/api/v1/study/sessions")).then().statusCode(200)
                .body("items", hasSize(0));
        // untouched for its owner
        api.session(owner, session).statusCode(200).body("status", equalTo("ACTIVE"))
                .body("messageCount", equalTo(0));
    }

    @Test
    void withoutATokenNothingAnswers() {
        given().get(api().url("/api/v1/study/sessions")).then().statusCode(401);
        given().auth().oauth2(owner.forgedToken()).get(api().url("/api/v1/study/sessions")).then().statusCode(401);
    }

    @Test
    void archivingClosesTheSessionOnceAndKeepsItsHistory() {
        StudyApi api = api();
        UUID session = api.newSession(owner, document);
        api.ask(owner, session, TestPdfs.PAGE_3_QUESTION).statusCode(200);

        api.archive(owner, session).statusCode(200)
                .body("status", equalTo("ARCHIVED"))
                .body("archivedAt", notNullValue())
                .body("messageCount", equalTo(2));
        api.archive(owner, session).statusCode(200).body("status", equalTo("ARCHIVED"));

        List<OutboxRows.Row> archived = outbox.of(OutboxRows.CHAT_ARCHIVED, session);
        assertEquals(1, archived.size(), "exactly one ChatArchived");
        assertEquals(2, archived.getFirst().data().get("messageCount").asInt());
        assertEquals(owner.id().toString(), archived.getFirst().data().get("userId").asText());
        assertEquals(document.toString(), archived.getFirst().data().get("documentIds").get(0).asText());

        api.ask(owner, session, "Another question?").statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("session_archived"));
        api.as(owner).contentType(ContentType.JSON).body("{\"title\":\"reopen\"}")
                .patch(api.url("/api/v1/study/sessions/" + session)).then().statusCode(409);
        api.history(owner, session).statusCode(200)
                .body("session.status", equalTo("ARCHIVED"))
                .body("messages", hasSize(2))
                .body("messages[0].role", equalTo("USER"))
                .body("messages[1].role", equalTo("ASSISTANT"));
    }
}
