package dev.lectavera.study.service.rag;

import java.util.List;

/**
 * What a provider answers from: the user's question, the condensed question used for retrieval, the graded
 * passages (only {@code grading.relevant()} may be used) and everything retrieved (for citation checks).
 */
public record AnswerRequest(String question, String condensedQuestion, Grading grading, List<Passage> retrieved) {
}
