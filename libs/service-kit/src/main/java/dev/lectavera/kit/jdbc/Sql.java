package dev.lectavera.kit.jdbc;

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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The few JDBC moves every repository makes on a connection it holds: bind parameters, run, map rows. Parameters
 * bind by their Java type: null, {@link Instant} (as UTC {@code timestamptz}), an enum (its name), a collection (a
 * PostgreSQL array, {@code uuid[]} or {@code text[]} by its first element; {@link #array} names the type), anything
 * else through {@code setObject}. Failures surface as {@link DataAccessException}.
 */
public final class Sql {

    /** A collection bound as a PostgreSQL array of the named element type (for empty or non-text arrays). */
    public record TypedArray(String elementType, Collection<?> values) {
    }

    private Sql() {
    }

    public static TypedArray array(String elementType, Collection<?> values) {
        return new TypedArray(elementType, values);
    }

    /** @return the number of rows changed */
    public static int update(Connection c, String sql, Object... params) {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(c, statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("update failed", e);
        }
    }

    /** One statement, one parameter row per execution, sent as one batch; nothing happens for no rows. */
    public static void batch(Connection c, String sql, List<Object[]> rows) {
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

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) {
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

    /** Exactly one row (an aggregate, a RETURNING of a known row); anything else is a bug. */
    public static <T> T queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(c, sql, mapper, params);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.getFirst();
    }

    /** The first row, if any. */
    public static <T> Optional<T> queryFirst(Connection c, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst());
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** A {@code uuid[]} column; SQL NULL reads as an empty list. */
    public static List<UUID> uuids(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray())
                .map(value -> value instanceof UUID id ? id : UUID.fromString(value.toString())).toList();
    }

    /** A {@code text[]} column; SQL NULL reads as an empty list. */
    public static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    public static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    public static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    static void bind(Connection c, PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            int index = i + 1;
            switch (param) {
                case null -> statement.setNull(index, Types.NULL);
                case Instant instant -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
                case Enum<?> constant -> statement.setString(index, constant.name());
                case TypedArray typed -> statement.setArray(index,
                        c.createArrayOf(typed.elementType(), typed.values().toArray()));
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
