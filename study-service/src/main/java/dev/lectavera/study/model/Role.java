package dev.lectavera.study.model;

/** Who wrote a message. */
public enum Role {
    USER,
    ASSISTANT
}
