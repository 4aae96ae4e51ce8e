package dev.lectavera.study.service.rag;

import java.util.List;

/** Turns a follow-up question into one that stands alone, using the session's recent messages. */
public interface QuestionCondenser {

    /** A message of the conversation, oldest first. */
    record Turn(boolean fromUser, String content) {
    }

    /** @return the question to retrieve with (the question itself when it already stands alone) */
    String condense(String question, List<Turn> history);
}
