package dev.lectavera.quiz.rest;

import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionSource;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.generation.gate.QualityGates;
import dev.lectavera.quiz.support.DocumentsApi;
import dev.lectavera.quiz.support.QuizApi;
import dev.lectavera.quiz.support.StudyPdf;
import dev.lectavera.quiz.support.Users;
import dev.lectavera.quiz.text.TextNormalizer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.lectavera.testsupport.ops.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A study PDF uploaded to the real document-service, indexed there, turned into quizzes here: every question
 * grounded on its cited page (checked against the page text document-service serves), no near-duplicates.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuizGenerationTest {

    private Users user;
    private UUID documentId;

    @BeforeAll
    void uploadStudyText() {
        user = Users.random();
        documentId = DocumentsApi.uploadIndexed(user, "Cell Biology", StudyPdf.cellBiologyPages());
    }

    @Test
    void aTenQuestionMixedQuizIsGroundedOnItsPagesWithoutDuplicates() {
        JsonPath quiz = QuizApi.generate(user, QuizApi.generateJson(documentId, 10, "medium"))
                .statusCode(201)
                .header("Location", containsString("/api/v1/quiz/"))
                .body("generator", equalTo("lectavera-offline"))
                .body("requestedCount", equalTo(10))
                .body("questionCount", equalTo(10))
                .body("answersRevealed", equalTo(false))
                .body("questions", everyItem(not(hasKey("answer"))))
                .body("questions", everyItem(not(hasKey("explanation"))))
                .body("questions.source.passageMasked", everyItem(equalTo(true)))
                .body("generation.shortfall", nullValue())
                .body("generation.gateRejections", hasKey("duplicate"))
                .body("generation.gateRejections", hasKey("grounded"))
                .extract().jsonPath();
        UUID quizId = UUID.fromString(quiz.getString("id"));
        List<Map<String, Object>> questions = quiz.getList("questions");
        assertEquals(10, questions.size());
        Set<String> types = new HashSet<>();
        for (Map<String, Object> q : questions) {
            types.add((String) q.get("type"));
            @SuppressWarnings("unchecked")
            List<String> options = (List<String>) q.get("options");
            switch ((String) q.get("type")) {
                case "multiple_choice" -> assertEquals(4, options.size());
                case "true_false" -> assertEquals(List.of("True", "False"), options);
                default -> assertEquals(null, options);
            }
        }
        assertEquals(Set.of("multiple_choice", "true_false", "fill_in_blank", "short_answer"), types);

        // the answer keys come with the first attempt (here: nothing answered)
        JsonPath graded = QuizApi.submit(user, quizId, "{\"answers\": [], \"timeSpentSeconds\": 5}").statusCode(201)
                .body("score", equalTo(0.0f)).body("maxScore", equalTo(10.0f))
                .extract().jsonPath();
        List<Map<String, Object>> results = graded.getList("results");
        Map<Integer, String> pageTexts = new HashMap<>();
        List<QuestionDraft> drafts = new ArrayList<>();
        for (Map<String, Object> result : results) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) result.get("source");
            int page = (Integer) source.get("page");
            assertEquals(page, result.get("page"));
            String pageText = pageTexts.computeIfAbsent(page, p -> DocumentsApi.pageText(user, documentId, p));
            String passage = (String) source.get("passage");
            String answer = (String) result.get("correctAnswer");
            String prompt = (String) result.get("prompt");
            String normalizedPage = TextNormalizer.normalize(pageText);
            assertTrue(TextNormalizer.containsTokens(normalizedPage, TextNormalizer.normalize(passage)),
                    "passage not on page " + page + ": " + passage);
            Integer start = (Integer) source.get("startOffset");
            Integer end = (Integer) source.get("endOffset");
            assertEquals(passage, TextNormalizer.collapseWhitespace(pageText.substring(start, end)),
                    "the offsets point at the passage in the page text");
            if (result.get("type").equals("true_false")) {
                String statement = prompt.substring("True or false: ".length());
                if (answer.equals("true")) {
                    assertEquals(TextNormalizer.normalize(passage), TextNormalizer.normalize(statement));
                } else {
                    assertEquals("false", answer);
                    assertFalse(TextNormalizer.containsTokens(normalizedPage, TextNormalizer.normalize(statement)),
                            "a false statement the page makes: " + statement);
                }
            } else {
                assertTrue(TextNormalizer.occursIn(answer, passage), answer + " not in its passage " + passage);
                assertTrue(TextNormalizer.occursIn(answer, pageText), answer + " not on page " + page);
            }
            assertTrue(((String) result.get("explanation")).contains("Page " + page));
            drafts.add(new QuestionDraft(QuestionType.fromWire((String) result.get("type")).orElseThrow(), prompt,
                    List.of(), answer, "", (String) result.get("topic"),
                    new QuestionSource(documentId, "Cell Biology", page, passage, start, end)));
        }
        for (int i = 0; i < drafts.size(); i++) {
            for (int j = i + 1; j < drafts.size(); j++) {
                assertFalse(QualityGates.nearDuplicates(drafts.get(i), drafts.get(j), 0.6),
                        drafts.get(i).prompt() + " ~ " + drafts.get(j).prompt());
            }
        }
        assertTrue(pageTexts.size() >= 3, "questions spread over the pages: " + pageTexts.keySet());

        // the gate counters are Micrometer counters too
        management().get("/q/metrics").then().statusCode(200)
                .body(containsString("lectavera_quiz_gate_rejections_total{gate=\"duplicate\","
                        + "generator=\"lectavera-offline\"}"))
                .body(containsString("lectavera_quiz_questions_generated_total"));
    }

    @Test
    void theSameRequestGivesTheSameQuestions() {
        String request = QuizApi.generateJson(documentId, 8, "hard");
        List<String> first = QuizApi.generate(user, request).statusCode(201).extract().jsonPath()
                .getList("questions.prompt");
        List<String> second = QuizApi.generate(user, request).statusCode(201).extract().jsonPath()
                .getList("questions.prompt");
        assertEquals(first, second);
    }

    @Test
    void onlyTheRequestedTypes() {
        QuizApi.generate(user, QuizApi.generateJson(documentId, 5, "easy", "true_false", "fill_in_blank"))
                .statusCode(201)
                .body("types", equalTo(List.of("true_false", "fill_in_blank")))
                .body("questions.type", everyItem(org.hamcrest.Matchers.oneOf("true_false", "fill_in_blank")));
    }

    @Test
    void aThinDocumentGivesFewerQuestionsAndSaysWhy() {
        UUID thin = DocumentsApi.uploadIndexed(user, "Rivers", List.of(
                "The Danube flows through Vienna and Budapest. The Danube ends in the Black Sea near Romania."));
        JsonPath quiz = QuizApi.generate(user, QuizApi.generateJson(thin, 20, "medium")).statusCode(201)
                .body("requestedCount", equalTo(20))
                .body("generation.shortfall.requested", equalTo(20))
                .body("generation.shortfall.reason", containsString("without padding"))
                .extract().jsonPath();
        int produced = quiz.getInt("questionCount");
        assertTrue(produced > 0 && produced < 20, "produced " + produced);
        assertEquals(produced, quiz.getInt("generation.shortfall.produced"));
        assertEquals(produced, quiz.getList("questions").size());
    }

    @Test
    void questionsSpreadOverTwoDocuments() {
        UUID second = DocumentsApi.uploadIndexed(user, "Early Modern Europe", List.of(
                """
                        The Thirty Years War devastated Central Europe between 1618 and 1648. The Peace of \
                        Westphalia ended the war in 1648 and reshaped the map of Europe.

                        The Holy Roman Empire was a loose union of several hundred states. Cardinal Richelieu \
                        guided French policy during the war.""",
                """
                        The Treaty of Utrecht was signed in 1713. The Spanish Succession War was fought over the \
                        Spanish throne. Louis XIV ruled France for 72 years.

                        Mercantilism is an economic policy that aims to export more than a country imports. \
                        Mercantilism shaped the trade policy of France and England."""));
        List<String> documents = QuizApi.generate(user, "{\"documentIds\":[\"" + documentId + "\",\"" + second
                        + "\"],\"count\":8}")
                .statusCode(201)
                .body("documents.documentId", equalTo(List.of(documentId.toString(), second.toString())))
                .body("difficulty", equalTo("medium"))
                .extract().jsonPath().getList("questions.source.documentId");
        long fromSecond = documents.stream().filter(second.toString()::equals).count();
        assertTrue(fromSecond >= 3 && fromSecond <= 5, "round-robin over documents: " + fromSecond + " of 8");
    }
}
