package dev.lectavera.study.model;

public enum SessionStatus {
    ACTIVE,
    ARCHIVED
}
