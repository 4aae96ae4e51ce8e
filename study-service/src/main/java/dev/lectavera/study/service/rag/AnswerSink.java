package dev.lectavera.study.service.rag;

import dev.lectavera.study.model.Citation;

/** Receives an answer while it is produced (the WebSocket streams these as {@code chunk}/{@code citation}). */
public interface AnswerSink {

    void chunk(String delta);

    void citation(Citation citation);

    /**
     * Forget the text streamed so far (if any): the model failed mid-answer and another provider starts over.
     */
    void reset(String reason);

    AnswerSink NONE = new AnswerSink() {
        @Override
        public void chunk(String delta) {
        }

        @Override
        public void citation(Citation citation) {
        }

        @Override
        public void reset(String reason) {
        }
    };
}
