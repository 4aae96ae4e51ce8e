package dev.lectavera.outbox;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The library's migration, against the dev stack's PostgreSQL. */
class OutboxSchemaTest {

    /** The services' former V1 migration (document, study, quiz: outbox and inbox), as it ran in their databases. */
    private static final String FORMER_SERVICE_V1 = """
            CREATE TABLE outbox_event (
                id           uuid PRIMARY KEY,
                topic        text        NOT NULL,
                record_key   text        NOT NULL,
                event_type   text        NOT NULL,
                envelope     text        NOT NULL,
                created_at   timestamptz NOT NULL DEFAULT now(),
                published_at timestamptz,
                attempts     integer     NOT NULL DEFAULT 0,
                last_error   text
            );
            CREATE INDEX outbox_event_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;
            CREATE TABLE processed_event (
                event_id     uuid PRIMARY KEY,
                event_type   text        NOT NULL,
                processed_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE flyway_schema_history (installed_rank integer PRIMARY KEY, version text);
            INSERT INTO flyway_schema_history VALUES (1, '1');
            INSERT INTO outbox_event (id, topic, record_key, event_type, envelope)
                VALUES ('00000000-0000-0000-0000-000000000001', 'lectavera.users', 'k',
                        'lectavera.user.registered.v1', '{}');
            INSERT INTO processed_event (event_id, event_type)
                VALUES ('00000000-0000-0000-0000-000000000002', 'lectavera.user.deleted.v1');
            """;

    @Test
    void aFreshDatabaseGetsBothTables() throws SQLException {
        DataSource db = TestDatabase.freshSchema("fresh");

        MigrateResult result = new OutboxSchema(db).migrate();

        assertEquals(2, result.migrationsExecuted);
        assertEquals(0, TestDatabase.count(db, "SELECT count(*) FROM outbox_event WHERE traceparent IS NULL"));
        assertEquals(0, TestDatabase.count(db, "SELECT count(*) FROM processed_event"));
    }

    @Test
    void tablesMadeByAServicesFormerMigrationAreAdoptedWithTheirRows() throws SQLException {
        DataSource db = TestDatabase.freshSchema("adopt");
        TestDatabase.execute(db, FORMER_SERVICE_V1);

        MigrateResult result = new OutboxSchema(db).migrate();

        assertEquals(2, result.migrationsExecuted);
        assertEquals(1, TestDatabase.count(db, "SELECT count(*) FROM outbox_event WHERE traceparent IS NULL"));
        assertEquals(1, TestDatabase.count(db, "SELECT count(*) FROM processed_event"));
        // the library keeps its own history; the service's is untouched
        assertEquals(3, TestDatabase.count(db, "SELECT count(*) FROM outbox_schema_history WHERE success"));
        assertEquals(1, TestDatabase.count(db, "SELECT count(*) FROM flyway_schema_history"));
        assertEquals(1, TestDatabase.count(db, "SELECT count(*) FROM pg_indexes"
                + " WHERE indexname = 'outbox_event_unpublished' AND schemaname = current_schema()"));
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        DataSource db = TestDatabase.freshSchema("again");
        new OutboxSchema(db).migrate();

        assertEquals(0, new OutboxSchema(db).migrate().migrationsExecuted);
    }
}
