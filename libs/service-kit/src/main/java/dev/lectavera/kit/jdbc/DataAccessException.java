package dev.lectavera.kit.jdbc;

import java.sql.SQLException;

/**
 * A database statement failed: unchecked, so that it rolls the caller's transaction back and nothing above the
 * repositories sees {@link SQLException}. Its cause keeps the SQLSTATE, which tells transient failures from bad data.
 */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The SQLSTATE of the failure, or null when the driver gave none. */
    public String sqlState() {
        return getCause() instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
