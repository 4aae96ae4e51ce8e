package dev.lectavera.quiz.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lectavera.quiz.support.DocumentsApi;
import dev.lectavera.quiz.support.OpenAiProfile;
import dev.lectavera.quiz.support.OpenAiStub;
import dev.lectavera.quiz.support.QuizApi;
import dev.lectavera.quiz.support.StudyPdf;
import dev.lectavera.quiz.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model generator (provider openai) against a WireMock stand-in of the OpenAI API: its questions go through
 * the same gates (an answer not in the cited passage is rejected), a failing or babbling model is replaced by the
 * offline generator (labelled), and typed answers the lenient rules reject are graded by the model.
 */
@QuarkusTest
@TestProfile(OpenAiProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelQuizGenerationTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @OpenAiStub.Inject
    WireMockServer openAi;

    private Users user;
    private UUID documentId;

    @BeforeAll
    void uploadStudyText() {
        user = Users.random();
        documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
    }

    @BeforeEach
    void resetStub() {
        openAi.resetAll();
    }

    /** An OpenAI chat completion whose message content is {@code content}. */
    private static String completion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", "gpt-test");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50).put("total_tokens", 150);
        return root.toString();
    }

    private static ObjectNode question(ArrayNode questions, String type, String prompt, String answer, String topic,
                                       String... options) {
        ObjectNode q = questions.addObject();
        q.put("type", type).put("passageId", "P1").put("prompt", prompt);
        ArrayNode choices = q.putArray("options");
        for (String option : options) {
            choices.add(option);
        }
        q.put("answer", answer).put("explanation", "The passage says so.").put("topic", topic);
        return q;
    }

    /** Three grounded questions on passage P1 (page 1), one whose answer is not in it, one malformed. */
    private static String modelQuiz() {
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode questions = reply.putArray("questions");
        question(questions, "short_answer", "Who first described cells in 1665?", "Robert Hooke", "Robert Hooke");
        question(questions, "multiple_choice", "In which year did Robert Hooke first describe cells?", "1665",
                "1665", "1665", "1779", "1859", "1953");
        question(questions, "true_false", "True or false: The cell is the basic unit of life.", "true", "cell",
                "True", "False");
        question(questions, "fill_in_blank", "_____ discovered penicillin in a London laboratory.",
                "Alexander Fleming", "penicillin");
        question(questions, "multiple_choice", "Which is an organelle?", "nucleus", "organelle",
                "nucleus", "cytoplasm", "membrane");
        return reply.toString();
    }

    private void stubGeneration(String content) {
        openAi.stubFor(post(urlPathEqualTo(CHAT)).withRequestBody(containing("Allowed types:"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(completion(content))));
    }

    @Test
    void theModelsGroundedQuestionsPassAndTheOthersAreCountedPerGate() {
        stubGeneration(modelQuiz());
        JsonPath quiz = QuizApi.generate(user, QuizApi.generateJson(documentId, 3, "medium")).statusCode(201)
                .body("generator", equalTo("openai:gpt-test"))
                .body("questionCount", equalTo(3))
                .body("generation.fallback", nullValue())
                .body("generation.gateRejections.grounded", equalTo(1))
                .body("generation.gateRejections.format", equalTo(1))
                .body("generation.shortfall", nullValue())
                .body("questions.source.page", everyItem(equalTo(1)))
                .body("questions.source.documentId", everyItem(equalTo(documentId.toString())))
                .extract().jsonPath();
        List<String> prompts = quiz.getList("questions.prompt");
        assertTrue(prompts.contains("Who first described cells in 1665?"));
        assertFalse(prompts.stream().anyMatch(p -> p.contains("penicillin")), "ungrounded answer let through");

        List<LoggedRequest> calls = openAi.findAll(postRequestedFor(urlPathEqualTo(CHAT)));
        assertEquals(1, calls.size());
        String request = calls.getFirst().getBodyAsString();
        assertTrue(request.contains("[P1]") && request.contains("Robert Hooke first described cells in 1665"),
                "P1 is the first passage of page 1");
        assertTrue(request.contains("json_object"), "JSON mode requested");

        // the stored answer keys are the model's, graded like any other
        UUID quizId = UUID.fromString(quiz.getString("id"));
        QuizApi.submit(user, quizId, "{\"answers\": [], \"timeSpentSeconds\": 2}").statusCode(201)
                .body("results.correctAnswer", org.hamcrest.Matchers.hasItems("Robert Hooke", "1665", "true"));
    }

    @Test
    void aFailingModelIsReplacedByTheOfflineGeneratorAndTheQuizSaysSo() {
        openAi.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"message\": \"boom\"}}")));
        QuizApi.generate(user, QuizApi.generateJson(documentId, 5, "easy")).statusCode(201)
                .body("generator", equalTo("lectavera-offline"))
                .body("questionCount", equalTo(5))
                .body("generation.fallback.from", equalTo("openai:gpt-test"))
                .body("generation.fallback.reason", notNullValue());
    }

    @Test
    void aReplyThatIsNotTheJsonAskedForFallsBackToo() {
        stubGeneration("Sure! Here are five great questions about cells: 1. What is a cell?");
        QuizApi.generate(user, QuizApi.generateJson(documentId, 4, "easy")).statusCode(201)
                .body("generator", equalTo("lectavera-offline"))
                .body("generation.fallback.reason", containsString("ModelOutputException"));
    }

    @Test
    void whenNoModelQuestionIsGroundedTheOfflineGeneratorStandsIn() {
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode questions = reply.putArray("questions");
        question(questions, "short_answer", "Who discovered penicillin?", "Alexander Fleming", "penicillin");
        question(questions, "short_answer", "Who split the atom?", "Ernest Rutherford", "atom");
        stubGeneration(reply.toString());
        QuizApi.generate(user, QuizApi.generateJson(documentId, 4, "easy")).statusCode(201)
                .body("generator", equalTo("lectavera-offline"))
                .body("generation.fallback.reason", containsString("grounded: 2"));
    }

    @Test
    void typedAnswersTheRulesRejectGoToTheModel() {
        stubGeneration(modelQuiz());
        JsonPath quiz = QuizApi.generate(user, QuizApi.generateJson(documentId, 3, "medium")).statusCode(201)
                .extract().jsonPath();
        UUID quizId = UUID.fromString(quiz.getString("id"));
        String shortAnswer = null;
        String choice = null;
        for (Map<String, Object> q : quiz.<Map<String, Object>>getList("questions")) {
            if (q.get("type").equals("short_answer")) {
                shortAnswer = (String) q.get("id");
            } else if (q.get("type").equals("multiple_choice")) {
                choice = (String) q.get("id");
            }
        }
        openAi.stubFor(post(urlPathEqualTo(CHAT)).withRequestBody(containing("Student answer: Hooke"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(completion("{\"correct\": true}"))));
        JsonPath attempt = QuizApi.submit(user, quizId, "{\"answers\": [{\"questionId\": \"" + shortAnswer
                + "\", \"answer\": \"Hooke\"}, {\"questionId\": \"" + choice + "\", \"answer\": \"1779\"}],"
                + " \"timeSpentSeconds\": 40}").statusCode(201).extract().jsonPath();
        for (Map<String, Object> result : attempt.<Map<String, Object>>getList("results")) {
            if (result.get("questionId").equals(shortAnswer)) {
                assertEquals(true, result.get("correct"));
                assertEquals("model", result.get("grading"));
            } else if (result.get("questionId").equals(choice)) {
                assertEquals(false, result.get("correct"));
                assertEquals("exact", result.get("grading"));
            }
        }
        assertEquals(1, openAi.findAll(postRequestedFor(urlPathEqualTo(CHAT))
                .withRequestBody(containing("Student answer:"))).size(), "only the typed answer asked the model");
    }

    @Test
    void aModelThatCannotGradeLeavesTheLenientVerdict() {
        stubGeneration(modelQuiz());
        JsonPath quiz = QuizApi.generate(user, QuizApi.generateJson(documentId, 3, "medium")).statusCode(201)
                .extract().jsonPath();
        UUID quizId = UUID.fromString(quiz.getString("id"));
        String shortAnswer = quiz.<Map<String, Object>>getList("questions").stream()
                .filter(q -> q.get("type").equals("short_answer")).map(q -> (String) q.get("id"))
                .findFirst().orElseThrow();
        openAi.stubFor(post(urlPathEqualTo(CHAT)).withRequestBody(containing("Student answer:"))
                .willReturn(aResponse().withStatus(503)));
        QuizApi.submit(user, quizId, "{\"answers\": [{\"questionId\": \"" + shortAnswer
                        + "\", \"answer\": \"Hooke\"}], \"timeSpentSeconds\": 40}").statusCode(201)
                .body("results.find { it.questionId == '" + shortAnswer + "' }.correct", equalTo(false))
                .body("results.find { it.questionId == '" + shortAnswer + "' }.grading", equalTo("lenient"));
    }
}
