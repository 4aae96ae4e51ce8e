package dev.lectavera.study.service;

import dev.lectavera.contracts.EventEnvelope;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.UserDeleted;
import dev.lectavera.testsupport.kafka.TestPublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After UserDeleted, a write carrying that user's id is refused and nothing of theirs is kept. */
@QuarkusTest
class LateWriteAfterUserDeletedTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final SessionService sessions;
    private final AgroalDataSource dataSource;

    LateWriteAfterUserDeletedTest(SessionService sessions, AgroalDataSource dataSource) {
        this.sessions = sessions;
        this.dataSource = dataSource;
    }

    @Test
    void aSessionCreatedAfterTheUserWasDeletedIsRefused() throws Exception {
        UUID userId = UUID.randomUUID();
        sessions.insert(userId, "before", List.of(UUID.randomUUID()));
        deleteUser(userId);
        await().atMost(EVENTUAL).until(() -> count("SELECT count(*) FROM deleted_user WHERE user_id = ?", userId) == 1);
        assertEquals(0, count("SELECT count(*) FROM chat_session WHERE user_id = ?", userId));

        StudyProblem refused = assertThrows(StudyProblem.class,
                () -> sessions.insert(userId, "late", List.of(UUID.randomUUID())));
        assertEquals("account_deleted", refused.code());
        assertEquals(401, refused.getStatusCode());
        assertEquals(0, count("SELECT count(*) FROM chat_session WHERE user_id = ?", userId));
    }

    @Test
    void aSessionInsertInFlightWhenThePurgeStartsIsPurgedToo() throws Exception {
        UUID userId = UUID.randomUUID();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // a request that passed its checks and is inserting just as UserDeleted arrives: not committed yet
        CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            sessions.insert(userId, "in flight", List.of(UUID.randomUUID()));
            inserted.countDown();
            try {
                assertTrue(commit.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(inserted.await(60, TimeUnit.SECONDS));
        deleteUser(userId);
        // the purge waits for the insert's per-user lock rather than missing its uncommitted row
        await().atMost(EVENTUAL).until(() -> count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND NOT granted AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(?::text, 0)",
                userId) == 1);
        commit.countDown();
        inFlight.get(60, TimeUnit.SECONDS);

        await().atMost(EVENTUAL).until(() -> count("SELECT count(*) FROM deleted_user WHERE user_id = ?", userId) == 1);
        assertEquals(0, count("SELECT count(*) FROM chat_session WHERE user_id = ?", userId));
    }

    private static void deleteUser(UUID userId) throws Exception {
        EventEnvelope<UserDeleted> deleted = EventEnvelope.of("/auth-service", userId.toString(),
                new UserDeleted(userId, Instant.now()));
        TestPublisher.publishOneRaw(Topics.USERS, userId.toString(), EventJson.write(deleted));
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
