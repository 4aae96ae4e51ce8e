package dev.lectavera.quiz.generation.model;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;

/**
 * The OpenAI-compatible chat model (quarkus-langchain4j-openai, JSON mode). Only called when
 * {@code lectavera.quiz.model.provider=openai}; always through {@link QuizModelCalls} (timeouts, retries, circuit
 * breaker). Replies are JSON text, parsed and validated strictly by {@link ModelOutputParser}. No chat memory: every
 * call stands alone. The requests are written in Java ({@link ModelPrompts}); the templates below hold no JSON
 * because they are Qute templates.
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
public interface QuizModel {

    @SystemMessage("""
            You write quiz questions for a student from passages of the student's own documents.
            Use only what the passages state. Every question cites exactly one passage by its id, and its answer
            is copied word for word from that passage. Reply with one JSON object and nothing else.""")
    @UserMessage("{request}")
    String writeQuestions(String request);

    @SystemMessage("""
            You check quiz answers against a source passage: does the passage state the answer to the question?
            Reply with one JSON object and nothing else.""")
    @UserMessage("{request}")
    String checkSupport(String request);

    @SystemMessage("""
            You grade a student's typed answer against the expected answer and the source passage. Accept answers
            that mean the same as the expected answer (synonyms, spelling slips, extra words that do not change the
            meaning); reject wrong or vaguer answers. Reply with one JSON object and nothing else.""")
    @UserMessage("{request}")
    String gradeAnswer(String request);
}
