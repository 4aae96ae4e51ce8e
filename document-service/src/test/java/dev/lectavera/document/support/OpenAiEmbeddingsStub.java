package dev.lectavera.document.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stand-in for the OpenAI embeddings API (a paid service): answers POST /v1/embeddings with one deterministic
 * 64-dimension bag-of-words vector per input, so texts sharing words are close, as with a real model.
 */
public class OpenAiEmbeddingsStub implements QuarkusTestResourceLifecycleManager {

    public static final int DIMENSIONS = 64;
    public static final String API_KEY = "test-key";
    private static volatile WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Embeddings()));
        server.start();
        server.stubFor(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withTransformers("embeddings")));
        return Map.of(
                "lectavera.embeddings.provider", "openai",
                "lectavera.embeddings.openai.base-url", server.baseUrl() + "/v1/",
                "lectavera.embeddings.openai.api-key", API_KEY,
                "lectavera.embeddings.openai.max-retries", "0");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static float[] vector(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
            }
        }
        return vector;
    }

    static final class Embeddings implements ResponseDefinitionTransformerV2 {
        private final ObjectMapper json = new ObjectMapper();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                JsonNode request = json.readTree(event.getRequest().getBodyAsString());
                List<String> inputs = new ArrayList<>();
                JsonNode input = request.get("input");
                if (input.isArray()) {
                    input.forEach(node -> inputs.add(node.asText()));
                } else {
                    inputs.add(input.asText());
                }
                ObjectNode body = json.createObjectNode().put("object", "list").put("model", request.get("model").asText());
                ArrayNode data = body.putArray("data");
                for (int i = 0; i < inputs.size(); i++) {
                    ArrayNode values = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
                    for (float v : vector(inputs.get(i))) {
                        values.add(v);
                    }
                }
                body.putObject("usage").put("prompt_tokens", 10).put("total_tokens", 10);
                return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json.writeValueAsString(body)).build();
            } catch (Exception e) {
                return aResponse().withStatus(400).withBody(e.toString()).build();
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "embeddings";
        }
    }
}
