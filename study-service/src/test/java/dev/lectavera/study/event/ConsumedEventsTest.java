package dev.lectavera.study.event;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import dev.lectavera.testsupport.kafka.TestPublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.lectavera.study.support.StudyTest.api;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events study-service consumes, produced to the real Kafka broker. */
@QuarkusTest
class ConsumedEventsTest {

    private final AgroalDataSource dataSource;

    ConsumedEventsTest(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void userDeletedPurgesTheUsersSessionsAndMessagesOnceAndJunkDoesNotStopTheConsumer() throws Exception {
        StudyApi api = api();
        Users user = Users.random();
        UUID document = Documents.indexedBiology(user);
        UUID session = api.newSession(user, document);
        api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200);
        Users bystander = Users.random();
        UUID kept = api.newSession(bystander, Documents.indexedBiology(bystander));

        EventEnvelope<UserDeleted> deleted = EventEnvelope.of("/auth-service", user.id().toString(),
                new UserDeleted(user.id(), Instant.now()));
        try (TestPublisher kafka = new TestPublisher()) {
            kafka.publishRaw(Topics.USERS, user.id().toString(), "not an event");
            kafka.publishRaw(Topics.USERS, user.id().toString(),
                    "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"lectavera.user.renamed.v9\"}");
            kafka.publishRaw(Topics.USERS, user.id().toString(), EventJson.write(deleted));
            kafka.publishRaw(Topics.USERS, user.id().toString(), EventJson.write(deleted));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM chat_session WHERE user_id = ?",
                user.id()) == 0);
        assertEquals(0, count("SELECT count(*) FROM chat_message WHERE session_id = ?", session));
        api.session(user, session).statusCode(404);
        api.session(bystander, kept).statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM processed_event WHERE event_id = ?", deleted.id()) == 1);
    }

    private long count(String sql, UUID parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
