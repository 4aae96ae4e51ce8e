package dev.lectavera.study.service.rag;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.quarkiverse.langchain4j.runtime.aiservice.ChatEvent;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The OpenAI-compatible chat model (quarkus-langchain4j-openai; base URL, key and model name under
 * {@code quarkus.langchain4j.openai.*}). No chat memory: the session's history lives in PostgreSQL and is
 * condensed into the question. Used only with {@code lectavera.study.model.provider=openai}.
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface GroundedAnswerModel {

    /** Streams the answer token by token; the last event carries the token usage. */
    @SystemMessage("""
            You are LectaVera, a study assistant. Answer the student's question using ONLY the numbered passages \
            from their documents. After every statement, cite the passage it comes from with its number in \
            square brackets, for example [1] or [2]. Do not use any other knowledge. If the passages only partly \
            answer the question, say what they do cover and that the rest is not in the documents. Be concise.""")
    @UserMessage("""
            Passages:
            {passages}

            Question: {question}""")
    Multi<ChatEvent> answer(String passages, String question);

    /** Rewrites a follow-up question so that it stands alone. */
    @SystemMessage("""
            Rewrite the student's follow-up question as one standalone question, using the conversation only to \
            resolve what it refers to. Reply with the rewritten question and nothing else.""")
    @UserMessage("""
            Conversation:
            {conversation}

            Follow-up question: {question}""")
    String condense(String conversation, String question);
}
