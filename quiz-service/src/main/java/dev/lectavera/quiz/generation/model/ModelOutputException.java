package dev.lectavera.quiz.generation.model;

/** The model's reply is not the JSON asked for: the whole reply is discarded (the offline generator stands in). */
public class ModelOutputException extends RuntimeException {

    public ModelOutputException(String message) {
        super(message);
    }

    public ModelOutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
