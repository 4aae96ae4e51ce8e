package dev.lectavera.quiz.bench;

import dev.lectavera.quiz.generation.Difficulty;
import dev.lectavera.quiz.generation.GenerationRequest;
import dev.lectavera.quiz.generation.GenerationResult;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.generation.SourcePage;
import dev.lectavera.quiz.generation.gate.Gate;
import dev.lectavera.quiz.generation.offline.OfflineQuizGenerator;
import dev.lectavera.quiz.support.StudyPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Offline generation time over a 300-page PDF (measured, not asserted). The PDF is written with PDFBox from a
 * deterministic synthetic textbook, its pages extracted with PDFBox like document-service does, and fed straight to
 * the generator. Not part of the default build (tag {@code bench}); run it with
 * {@code ./mvnw -pl quiz-service -am test -Pbench -Dtest=OfflineGeneratorBench
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class OfflineGeneratorBench {

    private static final int PAGES = 300;
    private static final int RUNS = 5;

    @Test
    void generationTimeOverThreeHundredPages() throws IOException {
        long started = System.nanoTime();
        byte[] pdf = StudyPdf.pdf("Synthetic Textbook", textbook(PAGES));
        long written = System.nanoTime();
        List<SourcePage> pages = extract(pdf);
        long extracted = System.nanoTime();
        assertEquals(PAGES, pages.size());
        System.out.printf(Locale.ROOT, "BENCH pdf: %d pages, %d KB, written in %d ms, text extracted in %d ms (%d"
                        + " chars)%n", PAGES, pdf.length / 1024, (written - started) / 1_000_000,
                (extracted - written) / 1_000_000, pages.stream().mapToInt(p -> p.text().length()).sum());
        OfflineQuizGenerator generator = new OfflineQuizGenerator(0.6);
        for (int count : new int[]{10, 50}) {
            for (Difficulty difficulty : Difficulty.values()) {
                GenerationRequest request = new GenerationRequest(pages, count, difficulty,
                        List.of(QuestionType.values()));
                long[] millis = new long[RUNS];
                long[] cpuMillis = new long[RUNS];
                GenerationResult result = null;
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                for (int run = 0; run < RUNS; run++) {
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    result = generator.generate(request);
                    millis[run] = (System.nanoTime() - t0) / 1_000_000;
                    cpuMillis[run] = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
                }
                long[] sortedCpu = cpuMillis.clone();
                Arrays.sort(sortedCpu);
                assertEquals(count, result.questions().size(), "a 300-page textbook fills the quiz");
                long[] sorted = millis.clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "BENCH %2d questions %-6s: first %4d ms, median %4d ms (cpu %4d ms);"
                                + " examined %d, rejected: %s; pages used %d%n", count, difficulty.wire(), millis[0],
                        sorted[RUNS / 2], sortedCpu[RUNS / 2], result.examined(), rejections(result),
                        result.questions().stream().map(q -> q.source().page()).distinct().count());
            }
        }
    }

    private static String rejections(GenerationResult result) {
        StringBuilder out = new StringBuilder();
        for (Gate gate : Gate.values()) {
            out.append(out.isEmpty() ? "" : ", ").append(gate.wire()).append('=')
                    .append(result.gateRejections().getOrDefault(gate, 0));
        }
        return out.toString();
    }

    private static List<SourcePage> extract(byte[] pdf) throws IOException {
        UUID id = UUID.randomUUID();
        List<SourcePage> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n");
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(new SourcePage(id, "Synthetic Textbook", page, stripper.getText(document).strip()));
            }
        }
        return pages;
    }

    // ---- a deterministic textbook: named people, places, terms, years and quantities on every page

    private static final String[] PEOPLE = {"Ada Lovelace", "Alan Turing", "Marie Curie", "Niels Bohr",
            "Rosalind Franklin", "Gregor Mendel", "Dmitri Mendeleev", "Lise Meitner", "Enrico Fermi", "Max Planck",
            "Emmy Noether", "Carl Linnaeus", "Louis Pasteur", "Robert Koch", "Barbara McClintock", "James Maxwell",
            "Michael Faraday", "Antoine Lavoisier", "Jane Goodall", "Rachel Carson"};
    private static final String[] PLACES = {"Vienna", "Cambridge", "Paris", "Copenhagen", "Berlin", "Uppsala",
            "Edinburgh", "Leiden", "Bologna", "Geneva", "Padua", "Heidelberg"};
    private static final String[] TERMS = {"enzyme", "catalyst", "isotope", "electron shell", "covalent bond",
            "cell membrane", "ribosome", "chromosome", "allele", "photosynthesis", "osmosis", "diffusion",
            "entropy", "momentum", "capacitor", "semiconductor", "algorithm", "compiler", "protein", "nucleotide",
            "magnetic field", "wave function", "half-life", "reaction rate", "buffer solution", "food chain",
            "ecosystem", "tectonic plate", "igneous rock", "water cycle"};
    private static final String[] QUALITIES = {"stores energy", "transfers charge", "speeds up reactions",
            "carries genetic information", "controls what enters the cell", "measures disorder",
            "describes the state of a system", "binds two atoms together", "turns light into chemical energy",
            "moves water across a membrane", "translates messages into proteins", "holds the pressure constant"};
    private static final String[] UNITS = {"kilograms", "metres", "seconds", "joules", "volts", "litres"};

    /** @return the text of each page: three paragraphs of four sentences drawn from the lists above */
    public static List<String> textbook(int pages) {
        Random random = new Random(20261122L);
        List<String> texts = new ArrayList<>(pages);
        for (int page = 0; page < pages; page++) {
            StringBuilder text = new StringBuilder();
            for (int paragraph = 0; paragraph < 3; paragraph++) {
                if (paragraph > 0) {
                    text.append("\n\n");
                }
                for (int sentence = 0; sentence < 4; sentence++) {
                    text.append(sentence(random)).append(' ');
                }
            }
            texts.add(text.toString().strip());
        }
        return texts;
    }

    private static String sentence(Random random) {
        String person = pick(random, PEOPLE);
        String place = pick(random, PLACES);
        String term = pick(random, TERMS);
        String other = pick(random, TERMS);
        String quality = pick(random, QUALITIES);
        int year = 1600 + random.nextInt(420);
        int number = 10 + random.nextInt(990);
        return switch (random.nextInt(8)) {
            case 0 -> capitalize(article(term)) + " " + term + " is a concept that " + quality + ".";
            case 1 -> person + " studied the " + term + " in " + place + " in " + year + ".";
            case 2 -> "The " + term + " was first described by " + person + ".";
            case 3 -> "About " + (5 + random.nextInt(90)) + "% of every " + other + " depends on the " + term + ".";
            case 4 -> "A typical " + term + " holds about " + number + " " + pick(random, UNITS)
                    + " under normal conditions.";
            case 5 -> "In " + place + ", the " + term + " and the " + other + " were compared in " + year + ".";
            case 6 -> "The " + term + " " + quality + " in most laboratory experiments.";
            default -> "Students often confuse the " + term + " with the " + other + " during their first exams.";
        };
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
