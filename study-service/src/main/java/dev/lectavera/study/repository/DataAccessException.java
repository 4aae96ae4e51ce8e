package dev.lectavera.study.repository;

import java.sql.SQLException;

/** A database failure (unchecked, so that it rolls the transaction back). */
public class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
