package dev.lectavera.study.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectavera.study.model.Citation;
import dev.lectavera.study.model.Verdict;
import dev.lectavera.study.service.rag.ExtractiveAnswerer;
import dev.lectavera.study.service.rag.Grading;
import dev.lectavera.study.service.rag.Passage;
import dev.lectavera.study.service.rag.PassageGrader;
import dev.lectavera.study.service.rag.Terms;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Not a test of behaviour: a fast loop for tuning the grader and the answerer on saved search results (see
 * docs/PERFORMANCE.md, "Grounding"). Skipped unless {@code -Dgrounding.replay=<dump.json>} names a dump of the
 * evaluation set's searches; prints the chat measures the harness would get from those passages. The figures to
 * report still come from {@code bench/run grounding}.
 */
class GroundingReplay {

    private static final int TOP_K = 8;

    @Test
    void replay() throws IOException {
        String dump = System.getProperty("grounding.replay");
        assumeTrue(dump != null && !dump.isBlank(), "no -Dgrounding.replay=<dump.json>");
        double weakRelevance = Double.parseDouble(System.getProperty("grounding.weak-relevance", "0.86"));
        PassageGrader grader = new PassageGrader(new PassageGrader.Calibration(0.6, 0.34, 1.0, weakRelevance, 0.5));
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(3);
        Map<String, int[]> byDocument = new LinkedHashMap<>(); // cites, expected, answered, answerable, notFound, unanswerable
        List<String> misses = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(new File(dump))) {
            String question = row.get("q").asText();
            List<Passage> passages = new ArrayList<>();
            UUID document = UUID.nameUUIDFromBytes(row.get("document").asText().getBytes());
            JsonNode found = row.get("passages");
            for (int i = 0; i < Math.min(TOP_K, found.size()); i++) {
                JsonNode p = found.get(i);
                String text = p.get("text").asText();
                int start = p.get("start").asInt();
                passages.add(new Passage(document, "doc", p.get("page").asInt(), start, start + text.length(), text, i,
                        p.get("similarity").isNull() ? Double.NaN : p.get("similarity").asDouble()));
            }
            Grading grading = grader.grade(question, passages);
            ExtractiveAnswerer.Draft draft = answerer.compose(grading, Terms.stems(question));
            List<Citation> citations = draft.citations();
            Verdict verdict = citations.isEmpty() ? Verdict.NOT_FOUND : grading.verdict();
            Set<Integer> pages = new HashSet<>();
            row.get("pages").forEach(p -> pages.add(p.asInt()));
            int[] m = byDocument.computeIfAbsent(row.get("document").asText(), k -> new int[6]);
            if (row.get("answerable").asBoolean()) {
                boolean cites = citations.stream().anyMatch(c -> pages.contains(c.page()));
                boolean expected = false;
                for (JsonNode e : row.get("expect")) {
                    expected |= normalize(draft.content()).contains(normalize(e.asText()));
                }
                m[0] += cites ? 1 : 0;
                m[1] += expected ? 1 : 0;
                m[2] += verdict != Verdict.NOT_FOUND ? 1 : 0;
                m[3]++;
                String flags = (cites ? "" : "C") + (expected ? "" : "E") + (verdict == Verdict.NOT_FOUND ? "N" : "");
                if (!flags.isEmpty()) {
                    misses.add(flags + " " + question + " " + pages + " cited "
                            + citations.stream().map(Citation::page).toList() + " " + verdict + "\n    "
                            + draft.content().replaceAll("\\s+", " "));
                }
            } else {
                m[4] += verdict == Verdict.NOT_FOUND ? 1 : 0;
                m[5]++;
                if (verdict != Verdict.NOT_FOUND) {
                    misses.add("U " + question + " " + verdict + "\n    " + draft.content().replaceAll("\\s+", " "));
                }
            }
        }
        int[] all = new int[6];
        StringBuilder out = new StringBuilder("document | cites | expected | answered | NOT_FOUND\n");
        byDocument.forEach((name, m) -> {
            out.append(String.format("%s | %d/%d | %d/%d | %d/%d | %d/%d%n", name, m[0], m[3], m[1], m[3], m[2], m[3],
                    m[4], m[5]));
            for (int i = 0; i < 6; i++) {
                all[i] += m[i];
            }
        });
        out.append(String.format("overall | %d/%d | %d/%d | %d/%d | %d/%d%n", all[0], all[3], all[1], all[3], all[2],
                all[3], all[4], all[5]));
        misses.forEach(miss -> out.append("- ").append(miss).append('\n'));
        System.out.println(out);
    }

    /**
     * One row per sentence of each question's top passages, with the evidence a grader could use — for exploring
     * offline (with {@code -Dgrounding.features=<out.tsv>}; the dump must carry sentence similarities, see
     * document-service's {@code SentenceSimilarityDump}).
     */
    @Test
    void sentenceFeatures() throws IOException {
        String dump = System.getProperty("grounding.replay");
        String out = System.getProperty("grounding.features");
        assumeTrue(dump != null && out != null, "no -Dgrounding.replay=<dump.json> -Dgrounding.features=<out.tsv>");
        StringBuilder tsv = new StringBuilder("qid\tdocument\tanswerable\tparaphrased\trank\tpage\tright_page"
                + "\tpassage_sim\tpassage_cov\tsentence_sim\tsentence_cov\twords\texpected\n");
        int qid = 0;
        for (JsonNode row : new ObjectMapper().readTree(new File(dump))) {
            Set<String> questionTerms = Terms.stems(row.get("q").asText());
            Set<Integer> pages = new HashSet<>();
            row.get("pages").forEach(p -> pages.add(p.asInt()));
            JsonNode found = row.get("passages");
            for (int i = 0; i < Math.min(TOP_K, found.size()); i++) {
                JsonNode p = found.get(i);
                String text = p.get("text").asText();
                double passageCoverage = Terms.coverage(questionTerms, Terms.stems(text));
                for (JsonNode s : p.get("sentences")) {
                    String sentence = text.substring(s.get("start").asInt(), s.get("end").asInt());
                    boolean expected = false;
                    for (JsonNode e : row.get("expect")) {
                        expected |= normalize(sentence).contains(normalize(e.asText()));
                    }
                    tsv.append(String.join("\t", String.valueOf(qid), row.get("document").asText(),
                            String.valueOf(row.get("answerable").asBoolean()),
                            String.valueOf(row.path("paraphrased").asBoolean()), String.valueOf(i),
                            String.valueOf(p.get("page").asInt()), String.valueOf(pages.contains(p.get("page").asInt())),
                            String.valueOf(p.get("similarity").asDouble()), String.valueOf(passageCoverage),
                            String.valueOf(s.get("similarity").asDouble()),
                            String.valueOf(Terms.coverage(questionTerms, Terms.stems(sentence))),
                            String.valueOf(Terms.words(sentence).size()), String.valueOf(expected))).append('\n');
                }
            }
            qid++;
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(out), tsv);
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
    }
}
