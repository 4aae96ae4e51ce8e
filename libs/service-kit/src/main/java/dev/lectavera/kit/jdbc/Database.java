package dev.lectavera.kit.jdbc;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The service's datasource, lending a connection per unit of work. Inside a {@code @Transactional} method the
 * (Agroal, JTA-enlisted) pool hands out the connection of that transaction, so several calls share it; outside
 * one, an auto-commit connection. The one-statement methods are {@link Sql}'s on a borrowed connection.
 */
@ApplicationScoped
public class Database {

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work on one connection that {@link Sql} does not cover (fetch sizes, streaming); SQLException is wrapped. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    public <T> T withConnection(ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new DataAccessException("database work failed", e);
        }
    }

    public int update(String sql, Object... params) {
        return withConnection(c -> Sql.update(c, sql, params));
    }

    public void batch(String sql, List<Object[]> rows) {
        withConnection(c -> {
            Sql.batch(c, sql, rows);
            return null;
        });
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> Sql.query(c, sql, mapper, params));
    }

    public <T> T queryOne(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> Sql.queryOne(c, sql, mapper, params));
    }

    public <T> Optional<T> queryFirst(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> Sql.queryFirst(c, sql, mapper, params));
    }
}
