package dev.lectavera.study.service.rag;

/** Writes the answer from the relevant passages, streaming it into the sink as it goes. */
public interface AnswerProvider {

    GeneratedAnswer answer(AnswerRequest request, AnswerSink sink);
}
