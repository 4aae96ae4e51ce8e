package dev.lectavera.analytics.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Lends one connection for a unit of work. Inside a {@code @Transactional} method the pool hands
 * out the connection enlisted in that transaction; outside, an auto-commit connection.
 */
@ApplicationScoped
public class Database {

    private final AgroalDataSource dataSource;

    Database(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T withConnection(Function<Connection, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new DataAccessException("no database connection", e);
        }
    }
}
