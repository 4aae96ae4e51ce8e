package dev.lectavera.analytics.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The few JDBC moves every repository makes: bind parameters, run, map rows. */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    static int update(Connection c, String sql, Object... params) {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(c, statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("update failed", e);
        }
    }

    static void batch(Connection c, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(c, statement, params);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("batch failed", e);
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(c, statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new DataAccessException("query failed", e);
        }
    }

    static <T> T queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(c, sql, mapper, params);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.getFirst();
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static void bind(Connection c, PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            int index = i + 1;
            switch (param) {
                case null -> statement.setNull(index, Types.NULL);
                case Instant instant -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
                case Collection<?> values -> statement.setArray(index, array(c, values));
                default -> statement.setObject(index, param);
            }
        }
    }

    private static Array array(Connection c, Collection<?> values) throws SQLException {
        Object first = values.isEmpty() ? null : values.iterator().next();
        String type = first instanceof UUID ? "uuid" : "text";
        return c.createArrayOf(type, values.toArray());
    }
}
