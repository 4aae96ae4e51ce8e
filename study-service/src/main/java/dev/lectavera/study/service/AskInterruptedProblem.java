package dev.lectavera.study.service;

/**
 * An ask failed after the session had been told it started ({@code thinking}): the failure was already published
 * to the session's viewers as an {@code error} event, so a WebSocket handler must not send it again.
 */
public class AskInterruptedProblem extends StudyProblem {

    public AskInterruptedProblem(StudyProblem problem) {
        super(problem);
    }
}
