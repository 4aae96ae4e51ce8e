package dev.lectavera.contracts;

/** Kafka topic names. The record key is always the aggregate's id (the envelope's subject). */
public final class Topics {
    public static final String USERS = "lectavera.users";
    public static final String DOCUMENTS = "lectavera.documents";
    public static final String STUDY = "lectavera.study";
    public static final String QUIZ = "lectavera.quiz";

    private Topics() {
    }
}
