package dev.lectavera.study.openai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A WireMock stand-in for the paid OpenAI chat completions API (the only stand-in the tests use). Streamed
 * requests get a server-sent-event stream dribbled over half a second; a question containing
 * {@link #FAILING_QUESTION_MARK} gets a 500; the condensing call gets a rewritten question.
 */
public class OpenAiStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "gpt-test";
    public static final List<String> TOKENS = List.of("The mitochondrion", " produces adenosine",
            " triphosphate [1].");
    public static final int PROMPT_TOKENS = 123;
    public static final int COMPLETION_TOKENS = 9;
    public static final String FAILING_QUESTION_MARK = "trigger a model failure";
    public static final String CONDENSED = "How is the inner membrane of the mitochondrion folded?";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing(FAILING_QUESTION_MARK))
                .willReturn(serverError().withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")));
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(2)
                .withRequestBody(containing("Follow-up question"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(completion(CONDENSED))));
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(stream()).withChunkedDribbleDelay(6, 600)));
        return Map.of(
                "lectavera.study.model.provider", "openai",
                "quarkus.langchain4j.openai.base-url", server.baseUrl() + "/v1/",
                "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.chat-model.model-name", MODEL,
                "quarkus.langchain4j.openai.timeout", "10s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String stream() {
        StringBuilder sse = new StringBuilder();
        sse.append(event("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String token : TOKENS) {
            sse.append(event("{\"content\":\"" + token + "\"}", null));
        }
        sse.append(event("{}", "stop"));
        sse.append("data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"")
                .append(MODEL).append("\",\"choices\":[],\"usage\":{\"prompt_tokens\":").append(PROMPT_TOKENS)
                .append(",\"completion_tokens\":").append(COMPLETION_TOKENS).append(",\"total_tokens\":")
                .append(PROMPT_TOKENS + COMPLETION_TOKENS).append("}}\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }

    private static String event(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-test\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + MODEL
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}\n\n";
    }

    private static String completion(String text) {
        return "{\"id\":\"chatcmpl-c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"" + MODEL
                + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text
                + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":12,"
                + "\"total_tokens\":52}}";
    }
}
