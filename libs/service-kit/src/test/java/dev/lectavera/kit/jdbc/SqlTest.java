package dev.lectavera.kit.jdbc;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The binding rules, checked against a recording statement (the SQL itself runs in the services' tests). */
class SqlTest {

    private enum Colour { RED }

    /** Every setter call and array creation as text, in order. */
    private final List<String> calls = new ArrayList<>();

    private final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                case "createArrayOf" -> {
                    calls.add("array " + args[0] + " " + List.of((Object[]) args[1]));
                    yield Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Array.class},
                            (p, m, a) -> null);
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                String value = args[1] == null ? "null" : args[1] instanceof Array ? "array"
                        : args[1].getClass().getSimpleName() + ":" + args[1];
                calls.add(args[0] + " " + method.getName() + " " + value);
                return null;
            });

    @Test
    void parametersBindByTheirJavaType() throws SQLException {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        Instant at = Instant.parse("2026-01-02T03:04:05.123456Z");

        Sql.bind(connection, statement, null, at, Colour.RED, id, 7, "text");

        assertEquals(List.of(
                "1 setNull Integer:" + Types.NULL,
                "2 setObject OffsetDateTime:" + OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC),
                "3 setString String:RED",
                "4 setObject UUID:" + id,
                "5 setObject Integer:7",
                "6 setObject String:text"), calls);
    }

    @Test
    void collectionsBindAsArraysTypedByTheirFirstElementOrByName() throws SQLException {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000002");

        Sql.bind(connection, statement, List.of(id), List.of("a", "b"), List.of(), Sql.array("bigint", List.of(1L)));

        assertEquals(List.of(
                "array uuid [" + id + "]", "1 setArray array",
                "array text [a, b]", "2 setArray array",
                "array text []", "3 setArray array",
                "array bigint [1]", "4 setArray array"), calls);
    }

    @Test
    void aFailureIsUncheckedAndKeepsItsSqlState() {
        SQLException cause = new SQLException("duplicate key", "23505");
        Connection failing = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    throw cause;
                });

        DataAccessException failure = assertThrows(DataAccessException.class,
                () -> Sql.update(failing, "INSERT INTO t VALUES (1)"));

        assertSame(cause, failure.getCause());
        assertEquals("23505", failure.sqlState());
        assertEquals("update failed: duplicate key", failure.getMessage());
        assertNull(new DataAccessException(new SQLException("no state")).sqlState());
    }
}
