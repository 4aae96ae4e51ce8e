package dev.lectavera.quiz.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** The part of document-service's document view this service uses; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentInfo(UUID id, String title, String status, long version, Integer pageCount) {

    public static final String INDEXED = "INDEXED";

    public boolean indexed() {
        return INDEXED.equals(status);
    }
}
