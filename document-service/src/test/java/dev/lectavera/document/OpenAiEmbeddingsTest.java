package dev.lectavera.document;

import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.Db;
import dev.lectavera.document.support.OpenAiEmbeddingsStub;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With lectavera.embeddings.provider=openai, chunks and queries are embedded by the OpenAI-compatible endpoint. */
@QuarkusTest
@TestProfile(OpenAiEmbeddingsTest.OpenAiProvider.class)
class OpenAiEmbeddingsTest {

    public static class OpenAiProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiEmbeddingsStub.class));
        }
    }

    @Test
    void chunksAndQueriesAreEmbeddedRemotelyInBatches() {
        Users user = Users.random();
        UUID id = Api.uploadNew(user, TestPdfs.pages(
                "Plate tectonics moves continents. Earthquakes happen where plates meet.",
                "Volcanoes erupt molten rock called magma. Lava is magma at the surface."), "geology.pdf");
        assertEquals("INDEXED", Api.awaitFinalStatus(user, id));

        var server = OpenAiEmbeddingsStub.server();
        server.verify(1, postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiEmbeddingsStub.API_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("text-embedding-3-small")))
                .withRequestBody(matchingJsonPath("$.input.length()", equalTo("2")))); // both chunks, one call
        assertEquals(1, Db.count("select count(*) from document where id = ? and embedding_model = ?", id,
                "openai:text-embedding-3-small"));
        assertEquals(2L * OpenAiEmbeddingsStub.DIMENSIONS * 4,
                Db.count("select sum(length(embedding)) from chunk where document_id = ?", id));

        // a question never asked before (query vectors are cached in Redis for a day)
        String question = "Where does magma come out as lava? " + UUID.randomUUID().toString().substring(0, 8);
        int page = Api.search(user, "{\"query\":\"" + question + "\",\"topK\":1}")
                .statusCode(200).extract().path("results[0].page");
        assertEquals(2, page);
        server.verify(1, postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.input", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(question))));
    }
}
