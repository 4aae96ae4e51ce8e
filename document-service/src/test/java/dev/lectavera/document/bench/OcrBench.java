package dev.lectavera.document.bench;

import dev.lectavera.document.ingest.PdfTextExtractor;
import dev.lectavera.document.ocr.OcrResult;
import dev.lectavera.document.ocr.PageImages;
import dev.lectavera.document.ocr.TesseractCli;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import dev.lectavera.testsupport.pdf.ScannedPdfs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: OCR throughput at 150 and 300 dpi (render + Tesseract, one page at a time as one OCR worker does), the
 * word accuracy of OCR against the source text, and a 30-page scan uploaded and indexed through the API with the
 * peak memory of the service's JVM and of its Tesseract processes. Figures to stdout and {@code bench/results/}.
 * Excluded from the build's test run (tag "bench"); see the README to run it.
 */
@Tag("bench")
@QuarkusTest
@TestProfile(OcrBench.Bench.class)
class OcrBench {

    public static class Bench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lectavera.documents.max-upload-size", "50M", "quarkus.http.limits.max-body-size", "51M");
        }
    }

    private static final int PAGES = 30;
    private static final int WORDS_PER_PAGE = 380;
    /** The resolution the test scans are made at (an office scanner's default). */
    private static final int SCAN_DPI = 200;
    private static final int MEASURED_PAGES = 6;

    @Test
    void measure() throws Exception {
        List<String> source = new BenchText(18).pages(PAGES, WORDS_PER_PAGE);
        byte[] text = TestPdfs.pages(source.toArray(String[]::new));
        List<String> truth = PdfTextExtractor.extract(write(text), page -> { }).pages();
        byte[] scan = ScannedPdfs.scan(text, SCAN_DPI);

        StringBuilder report = new StringBuilder("# OCR benchmark " + LocalDateTime.now() + "\n\n")
                .append(String.format(Locale.ROOT, "cores %d, load average at start %s; scan: %d pages of ~%d words,"
                                + " Helvetica 11 pt, rendered at %d dpi, grayscale JPEG (%,d bytes)%n%n",
                        Runtime.getRuntime().availableProcessors(), loadAverage(), PAGES, WORDS_PER_PAGE, SCAN_DPI,
                        scan.length))
                .append("| OCR dpi | pages | pages/s | s/page | word accuracy | mean confidence |\n|---|---|---|---|---|---|\n");
        try (PDDocument pdf = Loader.loadPDF(scan)) {
            for (int dpi : new int[] {150, 300}) {
                recognise(pdf, 0, dpi); // warm-up: JIT and Tesseract's files in the page cache
                long start = System.nanoTime();
                long errors = 0;
                long words = 0;
                double confidence = 0;
                for (int page = 1; page <= MEASURED_PAGES; page++) {
                    OcrResult result = recognise(pdf, page, dpi);
                    String[] expected = words(truth.get(page));
                    errors += editDistance(expected, words(result.text()));
                    words += expected.length;
                    confidence += result.meanConfidence();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                report.append(String.format(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.2f %% | %.1f |%n", dpi,
                        MEASURED_PAGES, MEASURED_PAGES / seconds, seconds / MEASURED_PAGES,
                        100.0 * (words - errors) / words, confidence / MEASURED_PAGES));
            }
        }

        // the whole scan through the service (ocr.dpi 300, ocr.workers 1), its JVM and Tesseract sampled meanwhile
        Users user = Users.random();
        MemorySampler sampler = new MemorySampler();
        ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor();
        sampling.scheduleAtFixedRate(sampler, 0, 50, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        UUID id = Api.uploadNew(user, scan, "scan-" + UUID.randomUUID() + ".pdf");
        assertEquals("INDEXED", Api.awaitFinalStatus(user, id));
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        sampling.shutdownNow();
        report.append(String.format(Locale.ROOT, "%n30-page scan, upload to INDEXED through the API: **%.1f s**"
                        + " (%.2f pages/s); JVM RSS peak %d MB (VmHWM %d MB; the test JVM hosts the service), largest"
                        + " Tesseract process %d MB%n", indexSeconds, PAGES / indexSeconds,
                sampler.jvmPeakKb.get() / 1024, status("self", "VmHWM") / 1024, sampler.tesseractPeakKb.get() / 1024));
        realManuals(report);
        BenchReports.write("ocr", report.toString());
    }

    /**
     * Manuals nobody here wrote (Debian's, when installed), scanned black and white at 200 dpi as a copier would:
     * word accuracy of OCR against their own text layer (case and punctuation ignored), and for every page with a
     * sentence of 8 words or more, whether searching its longest sentence finds that page in the top 3 and top 5.
     */
    private static void realManuals(StringBuilder report) throws Exception {
        report.append("\n| manual (scanned b/w 200 dpi) | pages | word accuracy | mean confidence | low-confidence pages"
                + " | upload to INDEXED | sentence → page in top 3 / top 5 |\n|---|---|---|---|---|---|---|\n");
        for (String manual : List.of("/usr/share/doc/libtasn1-doc/libtasn1.pdf",
                "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf")) {
            Path file = Path.of(manual);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> truth = PdfTextExtractor.extract(file, page -> { }).pages();
            byte[] scan = ScannedPdfs.scanBlackAndWhite(Files.readAllBytes(file), 200);
            Users user = Users.random();
            long start = System.nanoTime();
            UUID id = Api.uploadNew(user, scan, file.getFileName().toString());
            assertEquals("INDEXED", Api.awaitFinalStatus(user, id));
            double seconds = (System.nanoTime() - start) / 1e9;
            long errors = 0;
            long words = 0;
            double confidence = 0;
            int lowConfidence = 0;
            int asked = 0;
            int top3 = 0;
            int top5 = 0;
            for (int page = 1; page <= truth.size(); page++) {
                var view = Api.as(user).get("/api/v1/documents/{id}/pages/{page}", id, page).then().statusCode(200)
                        .extract().jsonPath();
                String[] expected = plainWords(truth.get(page - 1));
                errors += editDistance(expected, plainWords(view.getString("text")));
                words += expected.length;
                confidence += view.get("ocrConfidence") == null ? 0 : view.getDouble("ocrConfidence");
                lowConfidence += view.getBoolean("lowConfidence") ? 1 : 0;
                String sentence = longestSentence(truth.get(page - 1));
                if (sentence.split("\\s+").length < 8) {
                    continue;
                }
                asked++;
                List<Integer> pages = Api.search(user, new com.fasterxml.jackson.databind.ObjectMapper()
                                .writeValueAsString(Map.of("query", sentence, "documentIds", List.of(id), "topK", 5)))
                        .statusCode(200).extract().jsonPath().getList("results.page", Integer.class);
                top3 += pages.subList(0, Math.min(3, pages.size())).contains(page) ? 1 : 0;
                top5 += pages.contains(page) ? 1 : 0;
            }
            report.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% | %.1f | %d | %.1f s | %d / %d of %d |%n",
                    file.getFileName(), truth.size(), 100.0 * (words - errors) / words, confidence / truth.size(),
                    lowConfidence, seconds, top3, top5, asked));
        }
    }

    /** Words without case or punctuation: what search matches on. */
    private static String[] plainWords(String text) {
        return words(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s]", " "));
    }

    /** The page's longest sentence (at most 30 words), as a student would copy it into the search box. */
    private static String longestSentence(String page) {
        String best = "";
        for (String sentence : page.replace('\n', ' ').split("(?<=[.!?])\\s+")) {
            String[] words = sentence.strip().split("\\s+");
            String cut = String.join(" ", Arrays.copyOf(words, Math.min(words.length, 30)));
            if (words.length > best.split("\\s+").length) {
                best = cut;
            }
        }
        return best;
    }

    private static OcrResult recognise(PDDocument pdf, int pageIndex, int dpi) throws Exception {
        Path directory = Files.createTempDirectory("ocr-bench");
        try {
            PageImages.Rendered rendered = PageImages.render(pdf, pageIndex, dpi, 25_000_000, 60_000_000);
            Path image = directory.resolve("page.pgm");
            PageImages.writePgm(rendered.image(), image);
            return new TesseractCli("tesseract", "eng").recognise(image, rendered.dpi(), directory,
                    Duration.ofMinutes(2));
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Words compared case-sensitively, with their punctuation: what a quote would contain. */
    private static String[] words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }

    /** Word-level Levenshtein distance: substitutions, deletions and insertions. */
    static long editDistance(String[] expected, String[] actual) {
        int[] previous = new int[actual.length + 1];
        int[] current = new int[actual.length + 1];
        for (int j = 0; j <= actual.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= expected.length; i++) {
            current[0] = i;
            for (int j = 1; j <= actual.length; j++) {
                int substitution = previous[j - 1] + (expected[i - 1].equals(actual[j - 1]) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[actual.length];
    }

    private static Path write(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("ocr-bench", ".pdf");
        Files.write(file, pdf);
        file.toFile().deleteOnExit();
        return file;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /** A field of /proc/{pid}/status in kB (0 when the process is gone). */
    private static long status(String pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // the process ended between listing and reading
        }
        return 0;
    }

    /** One sample of the JVM's RSS and its Tesseract children's; the peaks are kept. */
    private static final class MemorySampler implements Runnable {
        final AtomicLong jvmPeakKb = new AtomicLong();
        final AtomicLong tesseractPeakKb = new AtomicLong();

        @Override
        public void run() {
            jvmPeakKb.accumulateAndGet(status("self", "VmRSS"), Math::max);
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").contains("tesseract"))
                    .forEach(p -> tesseractPeakKb.accumulateAndGet(status(Long.toString(p.pid()), "VmRSS"),
                            Math::max));
        }
    }
}
