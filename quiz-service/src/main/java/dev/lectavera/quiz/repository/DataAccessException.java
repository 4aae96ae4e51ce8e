package dev.lectavera.quiz.repository;

/** A database statement failed: a bug or an outage, answered as 500 by the problem mapper. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
