package dev.lectavera.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lectavera.contracts.EventType;
import dev.lectavera.contracts.Topics;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * Kafka stopped for a minute while a student indexes documents, asks questions and completes
 * quizzes: every change commits with its event in the service's outbox, the relays publish them once
 * the broker is back, and analytics — whose consumers are idempotent — ends with exactly the figures
 * of what happened: nothing lost, nothing counted twice.
 */
@ExtendWith(LectaVeraSystem.class)
class KafkaOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final List<String> QUESTIONS = List.of("Which organelle produces ATP?",
            "What does the nucleus store?", "How do cells divide?", "What separates the nucleus from the cytoplasm?");

    @Test
    void aMinuteWithoutKafkaLosesNoEventAndAppliesNoneTwice(LectaVeraSystem.Running system) {
        Student student = Student.register(system);
        String first = student.uploadIndexedDocument();
        String session = student.createSession(first);
        await("analytics is following").atMost(Student.PROCESSING).untilAsserted(() ->
                student.api().get("/api/v1/analytics/overview").then().statusCode(200).body("documentsIndexed", equalTo(1)));

        List<BigDecimal> percents = new ArrayList<>();
        int[] questionsAnswered = {0};
        system.stopKafka();
        Instant stopped = Instant.now();
        try {
            String second = student.uploadIndexedDocument();
            JsonPath quiz = student.api().contentType(ContentType.JSON)
                    .body(Map.of("documentIds", List.of(first, second), "count", 5))
                    .post("/api/v1/quiz/generate").then().statusCode(201).extract().jsonPath();
            String quizId = quiz.getString("id");
            List<Map<String, Object>> answers = answersTo(quiz);
            // The student keeps working for the whole outage: an attempt every 2 s, a question every 6 s.
            int[] round = {0};
            await("a minute of work without Kafka").atMost(OUTAGE.plusSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        JsonPath attempt = student.api().contentType(ContentType.JSON)
                                .body(Map.of("answers", answers, "timeSpentSeconds", 30))
                                .post("/api/v1/quiz/" + quizId + "/attempts").then().statusCode(201).extract().jsonPath();
                        percents.add(BigDecimal.valueOf(attempt.getDouble("score") * 100 / attempt.getDouble("maxScore")));
                        if (round[0]++ % 3 == 0) {
                            student.ask(session, QUESTIONS.get(questionsAnswered[0] % QUESTIONS.size()) + " (" + round[0] + ")")
                                    .then().statusCode(200);
                            questionsAnswered[0]++;
                        }
                        return Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0;
                    });
        } finally {
            system.startKafka();
        }
        assertThat(percents.size(), greaterThanOrEqualTo(10));

        BigDecimal average = percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(percents.size()), 2, RoundingMode.HALF_UP);
        await("analytics has every event, once").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> student.api().get("/api/v1/analytics/overview").then().statusCode(200)
                        .body("documentsIndexed", equalTo(2))
                        .body("pagesIndexed", equalTo(2 * StudyPdf.PAGES.size()))
                        .body("quizzesTaken", equalTo(percents.size()))
                        .body("questionsAsked", equalTo(questionsAnswered[0]))
                        .body("averageScore", equalTo(average.floatValue()))
                        .body("minutesStudied", equalTo(percents.size() * 30 / 60)));
        await("every outbox drained").atMost(Student.PROCESSING).untilAsserted(() -> {
            for (String service : List.of("auth", "document", "study", "quiz")) {
                assertThat(service + " outbox rows left unpublished", unpublished(system, service), equalTo(0L));
            }
        });
        // The topic itself holds every attempt made during the outage.
        String userId = student.api().get("/api/v1/users/me").then().statusCode(200).extract().path("id");
        List<String> attempts = completedQuizEvents(system, userId);
        assertThat("QuizCompleted events on the topic: " + attempts.size(), new java.util.HashSet<>(attempts).size(),
                equalTo(percents.size()));
    }

    private static List<Map<String, Object>> answersTo(JsonPath quiz) {
        List<Map<String, Object>> answers = new ArrayList<>();
        List<Map<String, Object>> questions = quiz.getList("questions");
        for (Map<String, Object> question : questions) {
            Object options = question.get("options");
            String answer = switch (String.valueOf(question.get("type"))) {
                case "true_false" -> "true";
                case "multiple_choice" -> String.valueOf(((List<?>) options).get(0));
                default -> "cell";
            };
            answers.add(Map.of("questionId", question.get("id"), "answer", answer));
        }
        return answers;
    }

    private static long unpublished(LectaVeraSystem.Running system, String service) throws SQLException {
        try (Connection db = DriverManager.getConnection(system.jdbcUrl(service), "lv_" + service, "lv_" + service);
             ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Ids of the user's QuizCompleted events on the quiz topic, read from the beginning to the end. */
    private static List<String> completedQuizEvents(LectaVeraSystem.Running system, String userId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.QUIZ, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> ids = new ArrayList<>();
            await("the quiz topic read to its end").atMost(Student.PROCESSING).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonObject event = new JsonObject(record.value());
                    if (EventType.QUIZ_COMPLETED.type().equals(event.getString("type"))
                            && userId.equals(event.getJsonObject("data").getString("userId"))) {
                        ids.add(event.getString("id"));
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return ids;
        }
    }
}
