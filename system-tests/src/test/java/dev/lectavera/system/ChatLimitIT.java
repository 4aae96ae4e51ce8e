package dev.lectavera.system;

import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * One chat limit, whichever way a question comes: questions asked as frames inside an open socket (which the gateway
 * tunnels without seeing them) and over HTTP share study-service's budget of 20 a minute. The gateway no longer
 * meters questions, so the question over the budget passes the gateway (its default class still has room) and is
 * refused by study-service, over HTTP and over the socket, and nothing refused is stored.
 */
@ExtendWith(LectaVeraSystem.class)
class ChatLimitIT {

    /** study-service's {@code lectavera.study.rate-limit.chat-per-minute} (its default). */
    private static final int CHAT_LIMIT = 20;

    @Test
    void questionsOverTheSocketAndOverHttpShareOneLimit(LectaVeraSystem.Running system) {
        Student student = Student.register(system);
        String session = student.createSession(student.uploadIndexedDocument());
        List<String> asked = new ArrayList<>();
        String tooManyOverHttp = "One question too many, over HTTP: what is a ribosome?";
        String tooManyOverTheSocket = "One question too many, over the socket: what is a ribosome?";

        try (LiveSocket chat = LiveSocket.open(student.webSocket(session))) {
            // Half the budget as frames of one socket: the gateway sees the upgrade, never these questions.
            for (int i = 1; i <= CHAT_LIMIT / 2; i++) {
                String question = "Socket question " + i + ": what does the mitochondrion produce?";
                chat.ask(question);
                asked.add(question);
            }
            await("every socket question stored").atMost(Student.PROCESSING)
                    .until(() -> chat.events("thinking").size() >= CHAT_LIMIT / 2);
            // The other half over HTTP.
            for (int i = 1; i <= CHAT_LIMIT / 2; i++) {
                String question = "HTTP question " + i + ": where does the cell store its DNA?";
                student.ask(session, question).then().statusCode(200);
                asked.add(question);
            }

            Response refused = student.ask(session, tooManyOverHttp);
            refused.then().statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("rate_limited"));
            // Study-service's refusal: the gateway let the question through, counted in its default class (100/min,
            // no chat class any more), whose bucket has room left.
            refused.then().header("X-RateLimit-Limit", "100");
            assertThat(Integer.parseInt(refused.header("X-RateLimit-Remaining")), greaterThan(0));

            chat.ask(tooManyOverTheSocket);
            JsonObject error = chat.awaitEvent("error", e -> "rate_limited".equals(e.getString("code")));
            assertThat(error.getLong("retryAfter"), greaterThanOrEqualTo(1L));
        }

        List<String> transcript = student.transcript(session);
        assertThat(asked, everyItem(in(transcript)));
        assertThat(transcript, not(hasItem(tooManyOverHttp)));
        assertThat(transcript, not(hasItem(tooManyOverTheSocket)));
    }
}
