package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway continues the client's trace, or starts one, and the upstream gets the gateway span's traceparent. */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class TracePropagationTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN_ID = "00f067aa0ba902b7";

    Tokens tokens;

    @Test
    void anIncomingTraceIsContinuedWithTheGatewaySpanAsTheNewParent() {
        JsonPath seen = given().header("Authorization", tokens.issue().bearer())
                .header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01")
                .get("/api/v1/quiz/quizzes")
                .then().statusCode(200).extract().jsonPath();

        Matcher forwarded = traceparentOf(seen);
        assertEquals(TRACE_ID, forwarded.group(1), "the same trace");
        assertNotEquals(CLIENT_SPAN_ID, forwarded.group(2), "the gateway's own span is the parent");
        assertNotEquals("0000000000000000", forwarded.group(2));
        assertEquals("00", forwarded.group(3), "no OTLP endpoint here: the gateway records nothing, whatever the client asks");
    }

    @Test
    void theClientsTracestateGoesOnWithItsTraceAndNothingIsRecorded() {
        JsonPath seen = given().header("Authorization", tokens.issue().bearer())
                .header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01")
                .header("tracestate", "vendor=abc")
                .get("/api/v1/quiz/quizzes")
                .then().statusCode(200).extract().jsonPath();

        assertEquals(TRACE_ID, traceparentOf(seen).group(1));
        assertEquals("vendor=abc", seen.getString("headers.tracestate"));
        // No OTLP endpoint: the OpenTelemetry SDK is off (trace/TracingDefaults), the ids above are the edge's own.
        assertTrue(ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class));
    }

    @Test
    void publicRoutesCarryTheTraceToo() {
        JsonPath seen = given().header(TestClients.FORWARDED_FOR, TestClients.randomIp())
                .header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN_ID + "-01")
                .contentType("application/json").body("{\"email\":\"trace@example.test\",\"password\":\"pw\"}")
                .post("/api/v1/auth/login")
                .then().statusCode(200).extract().jsonPath();

        Matcher forwarded = traceparentOf(seen);
        assertEquals(TRACE_ID, forwarded.group(1));
        assertNotEquals(CLIENT_SPAN_ID, forwarded.group(2));
    }

    @Test
    void withoutAnIncomingTraceTheGatewayStartsOneAndEachRequestHasItsOwn() {
        String bearer = tokens.issue().bearer();
        Matcher first = traceparentOf(given().header("Authorization", bearer).get("/api/v1/analytics/overview")
                .then().statusCode(200).extract().jsonPath());
        Matcher second = traceparentOf(given().header("Authorization", bearer).get("/api/v1/analytics/overview")
                .then().statusCode(200).extract().jsonPath());
        assertNotEquals("00000000000000000000000000000000", first.group(1));
        assertNotEquals(first.group(1), second.group(1));
    }

    @Test
    void aMalformedTraceparentStartsANewTraceAndIsNotPassedOn() {
        Matcher forwarded = traceparentOf(given().header("Authorization", tokens.issue().bearer())
                .header("traceparent", "00-not-a-trace-01")
                .get("/api/v1/study/sessions")
                .then().statusCode(200).extract().jsonPath());
        assertNotEquals("not", forwarded.group(1));
    }

    private static Matcher traceparentOf(JsonPath echoed) {
        String traceparent = echoed.getString("headers.traceparent");
        assertNotNull(traceparent, "the upstream got a traceparent");
        assertTrue(!traceparent.contains(","), "exactly one traceparent: " + traceparent);
        Matcher matcher = TRACEPARENT.matcher(traceparent);
        assertTrue(matcher.matches(), traceparent);
        return matcher;
    }
}
