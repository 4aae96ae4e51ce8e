package dev.lectavera.analytics.repository;

import java.sql.SQLException;

/** A JDBC failure, unchecked; its cause's SQLSTATE tells transient failures from bad data. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
