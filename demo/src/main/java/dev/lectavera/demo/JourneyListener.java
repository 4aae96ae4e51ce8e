package dev.lectavera.demo;

import dev.lectavera.demo.client.Api;

/**
 * Live progress of a {@link StudentJourney}: the CLI prints it as it happens (indexing progress, answers as
 * they stream); a test may ignore it. Every method has a no-op default.
 */
public interface JourneyListener {

    JourneyListener NONE = new JourneyListener() {
    };

    /** The document's processing status, each time it is polled and changed. */
    default void indexing(Api.DocumentStatus status) {
    }

    /** A question was sent over the WebSocket. */
    default void asking(String question) {
    }

    /** A piece of the answer, as the server streams it. */
    default void answerChunk(String delta) {
    }

    /** The server dropped what it had streamed (model failure; the offline provider starts over). */
    default void answerReset(String reason) {
    }

    /** The answer is stored and complete. */
    default void answered(StudentJourney.Answer answer) {
    }

    /** The student answered one quiz question (before grading). */
    default void quizAnswer(Api.Question question, String answer) {
    }

    /** The analytics overview as polled, while waiting for the events to arrive. */
    default void analytics(Api.Overview overview) {
    }
}
