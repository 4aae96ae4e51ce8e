package dev.lectavera.study.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lectavera.study.redis.RedisKeys;
import dev.lectavera.study.service.rag.CacheKeys;
import dev.lectavera.study.service.rag.ExtractiveAnswerer;
import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.LiveClient;
import dev.lectavera.study.support.OutboxRows;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.is;
import static dev.lectavera.study.support.StudyTest.api;
import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAI-compatible provider against a WireMock stand-in of the API: real token streaming from a
 * server-sent-event response, citations from the model's markers, token usage, model condensing, and the
 * offline fallback when the model fails.
 */
@QuarkusTest
@TestProfile(OpenAiProviderTest.WithOpenAi.class)
class OpenAiProviderTest {

    public static class WithOpenAi implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStandIn.class));
        }
    }

    @InjectWireMock
    WireMockServer openAi;

    private final OutboxRows outbox;
    private final RedisDataSource redis;

    OpenAiProviderTest(AgroalDataSource dataSource, RedisDataSource redis) {
        this.outbox = new OutboxRows(dataSource);
        this.redis = redis;
    }

    @Test
    void theModelsTokensAreStreamedAsTheyArriveAndItsCitationsVerified() {
        StudyApi api = api();
        Users user = Users.random();
        UUID document = Documents.indexedBiology(user);
        UUID session = api.newSession(user, document);
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            client.ask(TestPdfs.PAGE_3_QUESTION);
            JsonNode complete = client.awaitEvent("complete", e -> true);

            // one chunk event per streamed token (the stand-in dribbles its event stream over 600 ms)
            List<String> deltas = client.events("chunk").stream().map(c -> c.get("delta").asText()).toList();
            assertEquals(OpenAiStandIn.TOKENS, deltas);
            assertEquals(String.join("", OpenAiStandIn.TOKENS), complete.get("content").asText());
            assertEquals(OpenAiStandIn.MODEL, complete.get("model").asText());
            assertFalse(complete.get("fallback").asBoolean());
            assertEquals("CORRECT", complete.get("verdict").asText());
            JsonNode citation = complete.get("citations").get(0);
            assertEquals(1, citation.get("marker").asInt());
            assertEquals(3, citation.get("page").asInt());
            String quote = citation.get("quote").asText();
            assertTrue(quote.contains("adenosine triphosphate"), quote);
            assertEquals(quote, Documents.pageText(user, document, 3)
                    .substring(citation.get("startOffset").asInt(), citation.get("endOffset").asInt()));
        }
        // the prompt is grounded: it carries the retrieved passage and asks for a stream
        openAi.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("adenosine triphosphate"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> !outbox.of(OutboxRows.QUERY_ANSWERED, session).isEmpty());
        JsonNode answered = outbox.of(OutboxRows.QUERY_ANSWERED, session).getFirst().data();
        assertEquals(OpenAiStandIn.PROMPT_TOKENS, answered.get("promptTokens").asInt());
        assertEquals(OpenAiStandIn.COMPLETION_TOKENS, answered.get("completionTokens").asInt());
        assertEquals(OpenAiStandIn.MODEL, answered.get("model").asText());
    }

    @Test
    void aFollowUpIsCondensedByTheModel() {
        StudyApi api = api();
        Users user = Users.random();
        UUID session = api.newSession(user, Documents.indexedBiology(user));
        api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200).body("answer.model",
                is(OpenAiStandIn.MODEL));
        api.ask(user, session, "How is it folded?").statusCode(200)
                .body("answer.model", is(OpenAiStandIn.MODEL));
        openAi.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("Follow-up question: How is it folded?")));
        // the answer was then retrieved and asked with the model's rewrite
        openAi.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(containing("cristae")));
    }

    @Test
    void whenTheModelFailsTheOfflineProviderAnswersLabelledAsSuch() {
        StudyApi api = api();
        Users user = Users.random();
        UUID document = Documents.indexedBiology(user);
        UUID session = api.newSession(user, document);
        String question = TestPdfs.PAGE_3_QUESTION + " (" + OpenAiStandIn.FAILING_QUESTION_MARK + ")";
        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            api.ask(user, session, question).statusCode(200)
                    .body("answer.model", is(ExtractiveAnswerer.MODEL))
                    .body("answer.citations[0].page", is(3));
            JsonNode complete = client.awaitEvent("complete", e -> true);
            assertTrue(complete.get("fallback").asBoolean());
            assertEquals(ExtractiveAnswerer.MODEL, complete.get("model").asText());
        }
        // one retry, then the fallback
        assertEquals(2, openAi.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(OpenAiStandIn.FAILING_QUESTION_MARK))).size());
        // a fallback answer is not cached: the model gets its chance again
        String key = RedisKeys.answer(CacheKeys.hash(user.id(), question,
                Map.of(document, Documents.version(user, document))));
        assertFalse(redis.key().exists(key));
    }
}
