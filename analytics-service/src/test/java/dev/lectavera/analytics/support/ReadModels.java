package dev.lectavera.analytics.support;

import dev.lectavera.contracts.EventEnvelope;
import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** White-box looks at the analytics database, to synchronise on consumption and to check purges. */
public final class ReadModels {

    private final AgroalDataSource dataSource;

    public ReadModels(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Waits until every event id is in processed_event (applied, ignored or recorded). */
    public void awaitProcessed(List<? extends EventEnvelope<?>> envelopes) {
        UUID[] ids = envelopes.stream().map(EventEnvelope::id).toArray(UUID[]::new);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> processedCount(ids) == ids.length);
    }

    public void awaitProcessed(EventEnvelope<?>... envelopes) {
        awaitProcessed(Arrays.asList(envelopes));
    }

    public long processedCount(UUID... ids) {
        return queryLong("SELECT count(*) FROM processed_event WHERE event_id = ANY (?)", (Object) ids);
    }

    /** Rows of the user in every table with a user_id column, except the tombstones. */
    public Map<String, Long> rowsOfUser(UUID userId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : userTables()) {
            rows.put(table, queryLong("SELECT count(*) FROM " + table + " WHERE user_id = ?", userId));
        }
        return rows;
    }

    public boolean isTombstoned(UUID userId) {
        return queryLong("SELECT count(*) FROM deleted_user WHERE user_id = ?", userId) == 1;
    }

    /** The tables of this service holding a user_id, found in the catalogue (so a new one is never missed). */
    public List<String> userTables() {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT table_name FROM information_schema.columns
                     WHERE table_schema = 'public' AND column_name = 'user_id' AND table_name <> 'deleted_user'
                     ORDER BY table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    public List<String> allTables() {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT table_name FROM information_schema.tables
                     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    public long queryLong(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object param = params[i];
                if (param instanceof UUID[] uuids) {
                    statement.setArray(i + 1, c.createArrayOf("uuid", uuids));
                } else {
                    statement.setObject(i + 1, param);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
