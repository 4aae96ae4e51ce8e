package dev.lectavera.study.rest;

/** The answer to POST …/messages: the stored question and the stored answer. */
public record Exchange(MessageView question, MessageView answer) {
}
