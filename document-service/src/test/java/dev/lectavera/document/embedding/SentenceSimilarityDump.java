package dev.lectavera.document.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.segment.TextSegment;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Not a test: an offline experiment for grounding (docs/PERFORMANCE.md, "Grounding"). Reads a dump of the evaluation
 * set's searches ({@code grounding.py dump=FILE}), splits each passage into sentences (blank lines and sentence ends,
 * as study-service quotes them), embeds them with bge-small and writes the dump back with each sentence's offsets and cosine to the question, for study-service's
 * {@code GroundingReplay}. Skipped unless {@code -Dgrounding.sentences=<dump.json>} and
 * {@code -Dgrounding.sentences.out=<file>} are given.
 */
class SentenceSimilarityDump {

    private record Span(int start, int end, String text) {
    }

    private static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    @Test
    void enrich() throws IOException {
        String in = System.getProperty("grounding.sentences");
        String out = System.getProperty("grounding.sentences.out");
        assumeTrue(in != null && out != null, "no -Dgrounding.sentences=<dump.json> -Dgrounding.sentences.out=<file>");
        ExecutorService executor = Executors.newFixedThreadPool(2);
        BgeSmallOnnxModel model = BgeSmallOnnxModel.load(executor);
        Map<String, float[]> vectors = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        JsonNode rows = json.readTree(new File(in));
        List<String> texts = new ArrayList<>();
        for (JsonNode row : rows) {
            for (JsonNode passage : row.get("passages")) {
                for (Span span : sentences(passage.get("text").asText())) {
                    if (!vectors.containsKey(span.text())) {
                        vectors.put(span.text(), null);
                        texts.add(span.text());
                    }
                }
            }
        }
        // what sentence vectors would cost at ingestion, against the chunks they come from (same model, same run)
        List<String> chunks = new ArrayList<>(new LinkedHashSet<>(rows.findValuesAsText("text")));
        model.embed("warm-up");
        long start = System.nanoTime();
        model.embedAll(chunks.stream().map(TextSegment::from).toList());
        long chunkMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        List<float[]> embedded = model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> Embedder.normalize(e.vector())).toList();
        long sentenceMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        model.embedAll(chunks.stream().map(TextSegment::from).toList()); // again: the order must not decide
        System.out.printf("embedded %d chunks in %d ms (again after the sentences: %d ms), their %d sentences in %d"
                + " ms%n", chunks.size(), chunkMillis, (System.nanoTime() - start) / 1_000_000, texts.size(),
                sentenceMillis);
        for (int i = 0; i < texts.size(); i++) {
            vectors.put(texts.get(i), embedded.get(i));
        }
        for (JsonNode row : rows) {
            float[] question = Embedder.normalize(model.embed(QUERY_INSTRUCTION + row.get("q").asText()).content()
                    .vector());
            for (JsonNode passage : row.get("passages")) {
                ArrayNode sentences = ((ObjectNode) passage).putArray("sentences");
                for (Span span : sentences(passage.get("text").asText())) {
                    sentences.addObject().put("start", span.start()).put("end", span.end())
                            .put("similarity", dot(question, vectors.get(span.text())));
                }
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(new File(out), rows);
        executor.shutdown();
    }

    private static List<Span> sentences(String text) {
        List<Span> spans = new ArrayList<>();
        int blockStart = 0;
        for (String block : text.split("\n[ \t\r]*\n", -1)) {
            int from = text.indexOf(block, blockStart);
            BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            breaks.setText(block.replace('\n', ' '));
            for (int s = breaks.first(), e = breaks.next(); e != BreakIterator.DONE; s = e, e = breaks.next()) {
                String sentence = block.substring(s, e).strip();
                if (sentence.length() >= 3) {
                    int start = text.indexOf(sentence, from + s);
                    spans.add(new Span(start, start + sentence.length(), sentence));
                }
            }
            blockStart = from + block.length();
        }
        return spans;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
