package dev.lectavera.study.degraded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectavera.study.support.LiveClient;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import dev.lectavera.testsupport.process.DocumentServiceResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import static dev.lectavera.study.support.StudyTest.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** document-service unreachable: a clear 503 problem, never a made-up answer; the question itself is kept. */
@QuarkusTest
@TestProfile(DocumentServiceDownTest.DocumentServiceUnreachable.class)
class DocumentServiceDownTest {

    public static class DocumentServiceUnreachable implements QuarkusTestProfile,
            DocumentServiceResource.DocumentServiceDown {
    }

    private final AgroalDataSource dataSource;

    DocumentServiceDownTest(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void creatingASessionAnswers503() {
        api().createSession(Users.random(), "t", List.of(UUID.randomUUID())).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("documents_unavailable"));
    }

    @Test
    void askingAnswers503AndStoresNoAnswer() throws Exception {
        StudyApi api = api();
        Users user = Users.random();
        UUID session = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO chat_session (id, user_id, title, document_ids) VALUES (?, ?, 'offline', ?)")) {
            ps.setObject(1, session);
            ps.setObject(2, user.id());
            ps.setArray(3, c.createArrayOf("uuid", new Object[]{UUID.randomUUID()}));
            ps.executeUpdate();
        }
        try (LiveClient watcher = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(503)
                    .contentType("application/problem+json")
                    .body("code", equalTo("documents_unavailable"));
            JsonNode error = watcher.awaitEvent("error", e -> e.get("code").asText().equals("documents_unavailable"));
            assertEquals(watcher.events("thinking").getFirst().get("messageId"), error.get("messageId"));
            assertEquals(0, watcher.events("complete").size());
        }
        api.history(user, session).statusCode(200)
                .body("messages", hasSize(1))
                .body("messages[0].role", equalTo("USER"));
    }
}
