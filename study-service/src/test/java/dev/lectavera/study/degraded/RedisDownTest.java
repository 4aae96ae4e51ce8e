package dev.lectavera.study.degraded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectavera.study.service.rag.ExtractiveAnswerer;
import dev.lectavera.study.support.Documents;
import dev.lectavera.study.support.LiveClient;
import dev.lectavera.study.support.StudyApi;
import dev.lectavera.study.support.TestPdfs;
import dev.lectavera.study.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.lectavera.study.support.StudyTest.api;
import static dev.lectavera.testsupport.ops.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis unreachable (the client points at a port where nothing listens; the shared Redis keeps running for the
 * other tests): PostgreSQL alone carries everything, live events are delivered locally, the rate limit is
 * counted per instance.
 */
@QuarkusTest
@TestProfile(RedisDownTest.RedisDown.class)
class RedisDownTest {

    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1", "quarkus.redis.timeout", "1s");
        }
    }

    @Test
    void everythingWorksFromPostgreSQLAndTheSocketDeliversLocally() {
        StudyApi api = api();
        Users user = Users.random();
        UUID session = api.newSession(user, Documents.indexedBiology(user));
        management().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.data.redis", equalTo("down, running without cache"));

        try (LiveClient client = LiveClient.connectReady(api.wsUrl(session, user.token()))) {
            client.ask(TestPdfs.PAGE_3_QUESTION);
            JsonNode complete = client.awaitEvent("complete", e -> true);
            assertEquals("CORRECT", complete.get("verdict").asText());
            assertEquals(ExtractiveAnswerer.MODEL, complete.get("model").asText());
            assertTrue(client.events("chunk").size() >= 1);
            assertEquals("thinking", client.received().get(1).type());
        }
        api.ask(user, session, TestPdfs.PAGE_3_QUESTION).statusCode(200)
                .body("answer.verdict", equalTo("CORRECT"))
                .body("answer.cached", equalTo(false));

        List<String> ids = api.messages(user, session, "").statusCode(200).body("items", hasSize(4))
                .extract().jsonPath().getList("items.id");
        api.messages(user, session, "?after=" + ids.get(1)).statusCode(200).body("items.id", equalTo(ids.subList(2, 4)));
        api.history(user, session).statusCode(200).body("messages.id", equalTo(ids));
    }

    @Test
    void theChatRateLimitIsCountedInMemory() {
        StudyApi api = api();
        Users user = Users.random();
        UUID session = api.newSession(user, Documents.indexedBiology(user));
        int answered = 0;
        int status = 200;
        while (status == 200 && answered < 25) {
            status = api.ask(user, session, TestPdfs.UNRELATED_QUESTION).extract().statusCode();
            if (status == 200) {
                answered++;
            }
        }
        assertEquals(429, status);
        assertEquals(20, answered);
    }
}
